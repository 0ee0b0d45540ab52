#!/usr/bin/env bash
# The web console's first page on a large index: the packaged server on the schema bench/qido-scale.sh filled and
# kept (--keep-schema), headless Chromium opening /ui/ and a patient-name search, the time until the first study
# row shows (bench/console/first-page.mjs). Writes docs/bench-runs/console.md. See bench/README.md.
#
#   bench/console.sh [--requests 40]
#
# Needs the schema (BENCH_PG_SCHEMA, default qido_scale) filled by `bench/qido-scale.sh --scales 1m --keep-schema`
# (or 10m), Chromium, Node.js and the test tier's npm packages (src/test/interop/node_modules: `mvn verify` or
# `npm ci` there installs them), and the packaged jar.
set -euo pipefail
cd "$(dirname "$0")/.."
requests=40
while (($#)); do
  case $1 in
    --requests) requests=$2; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "console.sh: unknown argument $1" >&2; exit 64 ;;
  esac
  shift
done
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[[ -x $JAVA ]] || JAVA=$(command -v java)
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGDATABASE=${BENCH_PG_DB:-test}
schema=${BENCH_PG_SCHEMA:-qido_scale}
port=${BENCH_PORT_CONSOLE:-18092}
jar=target/quarkus-app/quarkus-run.jar
[[ -f $jar ]] || mvn -B -q package -DskipTests
[[ -d src/test/interop/node_modules/playwright-core ]] || (cd src/test/interop && npm ci --no-audit --no-fund)
psql_at() { psql -X -q -At -v ON_ERROR_STOP=1 -c "set search_path = $schema, public" -c "$1"; }
instances=$(psql_at "select count(*) from instance" 2>/dev/null) || {
  echo "console.sh: no schema $schema: run bench/qido-scale.sh --scales 1m --keep-schema first" >&2
  exit 1
}
studies=$(psql_at "select count(*) from study")

tmp=$(mktemp -d "${BENCH_TMP:-/tmp}/odw-console.XXXXXX")
server=
cleanup() {
  [[ -n $server ]] && { kill -TERM -- "-$server" 2>/dev/null || true; sleep 2; kill -KILL -- "-$server" 2>/dev/null || true; }
  rm -rf "$tmp"
}
trap cleanup EXIT
DICOMWEB_DATABASE=postgresql \
DICOMWEB_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE?currentSchema=$schema" \
DICOMWEB_DB_USER=$PGUSER \
DICOMWEB_STORAGE_PATH=$tmp/storage \
QUARKUS_FLYWAY_POSTGRESQL_SCHEMAS=$schema \
QUARKUS_HTTP_PORT=$port \
  setsid "$JAVA" -jar "$jar" >"$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 1 480); do
  curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { tail -20 "$tmp/server.log" >&2; exit 1; }
  sleep 0.25
done
psql_at "select lower(substr(split_part(patient_name, '^', 1), 2, 3)) from patient order by random() limit $requests" \
  >"$tmp/names"
node bench/console/first-page.mjs "http://127.0.0.1:$port" "$requests" "$tmp/names" "$tmp/times.tsv"

load=$(cut -d' ' -f1-3 /proc/loadavg)
stats() { # query -> "p50 p95"
  awk -v q="$1" '$1 == q { print $2 }' "$tmp/times.tsv" | sort -n | awk '{ v[NR] = $1 } END {
    p50 = v[int((NR + 1) * 0.5)]; i = int(NR * 0.95 + 0.999); if (i > NR) i = NR; printf "%.0f %.0f", p50, v[i] }'
}
read -r list50 list95 <<<"$(stats study-list)"
read -r name50 name95 <<<"$(stats patient-name)"
first=$(awk '$1 == "first-load" { printf "%.0f", $2 }' "$tmp/times.tsv")
version=$(git rev-parse --short HEAD)
cat >docs/bench-runs/console.md <<MD
## Web console: first page on a large index (bench/console.sh)

\`bench/console.sh\`, $(date -u +%F), opendicomweb $version on PostgreSQL with the schema of \`bench/qido-scale.sh\`
($instances instances, $studies studies); headless Chromium on the same machine opens the console and waits for the
first study row (\`tr[data-study]\`), $requests times each after 5 warm-up loads, the console's files from the browser
cache as for a returning user. Load average at the end: $load (2 cores).

| Page | p50 (ms) | p95 (ms) |
|---|---:|---:|
| \`/ui/\`, the study list (first load, files not cached: $first ms) | $list50 | $list95 |
| \`/ui/#/studies?PatientName=*abc*\` (three letters of a stored family name) | $name50 | $name95 |
MD
cat docs/bench-runs/console.md
