#!/usr/bin/env bash
# What authentication costs: our packaged server in mode oidc against the same in mode none, side by side in one
# run. See bench/README.md ("What authentication costs").
#
#   bench/auth.sh [--rounds 16] [--warm-up SECONDS] [--control] [--no-docs] [--keep]
#
# Needs the packaged server (mvn package) and the Keycloak distribution the build unpacks into
# target/keycloak-<version> (any `mvn verify`, or only: mvn -B dependency:unpack@unpack-keycloak). Starts Keycloak
# with the test realm, two servers on the embedded H2 index with the same data, measures them with
# bench/AuthCost.java, writes docs/bench-runs/auth-cost.md and renders docs/benchmarks.md. Loopback only.
# --control starts the second server in mode none too (the noise floor; docs/bench-runs/auth-noise-floor.md).
set -euo pipefail

cd "$(dirname "$0")/.."
rounds=16
warm_up=90
control=0
docs=1
keep=0
while (($#)); do
  case $1 in
    --rounds) rounds=$2; shift ;;
    --warm-up) warm_up=$2; shift ;;
    --control) control=1 ;;
    --no-docs) docs=0 ;;
    --keep) keep=1 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "auth.sh: unknown argument $1" >&2; exit 64 ;;
  esac
  shift
done

JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[[ -x $JAVA ]] || JAVA=$(command -v java)
app=${BENCH_OURS_APP:-target/quarkus-app}
[[ -f $app/quarkus-run.jar ]] || { echo "auth.sh: no $app/quarkus-run.jar: run mvn -B package -DskipTests first" >&2; exit 1; }
keycloak=${KEYCLOAK_DIST:-$(ls -d target/keycloak-*/ 2>/dev/null | sort -V | tail -1)}
keycloak=${keycloak%/}
[[ -n $keycloak && -x $keycloak/bin/kc.sh ]] || {
  echo "auth.sh: no Keycloak distribution at ${keycloak:-target/keycloak-*}: run mvn -B dependency:unpack@unpack-keycloak" >&2
  exit 1
}
keycloak=$(readlink -f "$keycloak")
command -v curl >/dev/null || { echo "auth.sh: curl is required" >&2; exit 1; }

kc_port=${BENCH_PORT_KEYCLOAK:-18180}
none_port=${BENCH_PORT_AUTH_NONE:-18086}
oidc_port=${BENCH_PORT_AUTH_OIDC:-18087}
issuer=http://127.0.0.1:$kc_port/realms/dicomweb

source bench/cleanup.sh # the working directory is the repository root
folder_and_processes odw-auth

port_free() { ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/"; }
for port in "$kc_port" "$none_port" "$oidc_port"; do
  port_free "$port" || { echo "auth.sh: port $port in use" >&2; exit 1; }
done

wait_ready() { # name url pid seconds
  local tries=$(($4 * 2))
  for _ in $(seq 1 "$tries"); do
    kill -0 "$3" 2>/dev/null || { echo "auth.sh: $1 exited during start-up; log:" >&2; tail -20 "$tmp/$1.log" >&2; exit 1; }
    curl -sf -o /dev/null --max-time 5 "$2" && return 0
    sleep 0.5
  done
  echo "auth.sh: $1 not ready after $4 s ($2); log:" >&2; tail -20 "$tmp/$1.log" >&2; exit 1
}

# Keycloak in a home of its own (as src/test/.../testing/Keycloak.java starts it): its start script and a fresh data/
# with the test realm to import, the rest linked to the unpacked distribution. It takes about 45 s to start, several
# minutes the first time after unpacking, when development mode builds itself into the distribution's lib/.
echo "== start Keycloak ($keycloak) on port $kc_port"
home=$tmp/keycloak
mkdir -p "$home/bin" "$home/data/import"
cp "$keycloak/bin/kc.sh" "$home/bin/"
for shared in lib providers themes conf; do ln -s "$keycloak/$shared" "$home/$shared"; done
cp src/test/resources/keycloak/dicomweb-realm.json "$home/data/import/"
JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$JAVA")")") setsid "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 \
  --http-port="$kc_port" --hostname="http://127.0.0.1:$kc_port" --import-realm >"$tmp/keycloak.log" 2>&1 &
kc_pid=$!
pids+=("$kc_pid")

# Meanwhile: the corpus (the quick CT series of run.sh and 50 small studies) and the server in mode none.
echo "== corpus"
"$JAVA" bench/Generator.java --out "$tmp/corpus" --ct-slices 120 --ct-size 512 --mf-frames 1 --mf-size 16 --studies 50

start_server() { # name port [environment...]
  local name=$1 port=$2
  shift 2
  mkdir -p "$tmp/$name"
  echo "== start $name on port $port"
  setsid env QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" DICOMWEB_STORAGE_PATH="$tmp/$name/blobs" "$@" \
    "$JAVA" -Xmx2g -jar "$app/quarkus-run.jar" >"$tmp/$name.log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  wait_ready "$name" "http://127.0.0.1:$port/q/health/ready" "$server_pid" 120
}
start_server none "$none_port"
none_pid=$server_pid
wait_ready keycloak "$issuer/.well-known/openid-configuration" "$kc_pid" 400
# quarkus-oidc reads the issuer's discovery document at start-up: the oidc server starts once Keycloak answers.
if ((control)); then
  second=control note=auth-noise-floor command="bench/auth.sh --rounds $rounds --warm-up $warm_up --control"
  start_server "$second" "$oidc_port"
else
  second=oidc note=auth-cost command="bench/auth.sh --rounds $rounds --warm-up $warm_up"
  start_server "$second" "$oidc_port" DICOMWEB_AUTH_MODE=oidc QUARKUS_OIDC_AUTH_SERVER_URL="$issuer"
fi
oidc_pid=$server_pid
for pid in "$none_pid" "$oidc_pid"; do
  [[ $(cat "/proc/$pid/comm") == java ]] || { echo "auth.sh: pid $pid is no server JVM" >&2; exit 1; }
done

echo "== measure"
version="opendicomweb $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ', with uncommitted changes')"
timeout $((warm_up + rounds * 10 + 120)) "$JAVA" -Xmx1g bench/AuthCost.java --corpus "$tmp/corpus" --note "$tmp/$note.md" \
  --none "http://127.0.0.1:$none_port/dicom-web@$none_pid" --oidc "http://127.0.0.1:$oidc_port/dicom-web@$oidc_pid" \
  --issuer "$issuer" --rounds "$rounds" --warm-up-seconds "$warm_up" --control "$([[ $second == control ]] && echo true || echo false)" \
  --server-version "$version" --issuer-version "Keycloak ${keycloak##*keycloak-} (start-dev)" --command "$command"

# Requests never wait for the audit trail: a server that dropped audit events did less work than it should have.
if grep -h 'audit trail has dropped' "$tmp/none.log" "$tmp/$second.log" >&2; then
  echo "auth.sh: a server dropped audit events; the figures are not comparable" >&2
  exit 1
fi
for name in none "$second"; do
  echo "$name: $(cat "$tmp/$name"/blobs/audit/audit.log* | wc -l) audit lines"
done

if ((docs)); then
  cp "$tmp/$note.md" "docs/bench-runs/$note.md"
  "$JAVA" bench/Report.java docs
  echo "== wrote docs/bench-runs/$note.md and docs/benchmarks.md"
fi
