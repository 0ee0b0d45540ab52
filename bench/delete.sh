#!/usr/bin/env bash
# What deleting a study costs, side by side: our packaged server (embedded H2, and PostgreSQL unless --no-postgresql)
# and Orthanc, each on a free port with its own temporary storage, the same 500-instance study stored into each
# and deleted whole, in rounds whose order alternates. See bench/README.md ("Deleting a study").
#
#   bench/delete.sh [--rounds 4] [--warm-up 2] [--no-postgresql] [--no-docs] [--keep]
#
# Writes docs/bench-runs/delete.md and renders docs/benchmarks.md. Exits non-zero, writing nothing, when a server
# answers an error or keeps anything of a deleted study (a search match, metadata, a file).
set -euo pipefail

cd "$(dirname "$0")/.."
rounds=4
warm_up=2
postgresql=1
docs=1
keep=0
while (($#)); do
  case $1 in
    --rounds) rounds=$2; shift ;;
    --warm-up) warm_up=$2; shift ;;
    --no-postgresql) postgresql=0 ;;
    --no-docs) docs=0 ;;
    --keep) keep=1 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "delete.sh: unknown argument $1" >&2; exit 64 ;;
  esac
  shift
done
((rounds >= 1 && rounds <= 20)) || { echo "delete.sh: --rounds must be 1 to 20" >&2; exit 64; }
((warm_up >= 0 && warm_up <= 10)) || { echo "delete.sh: --warm-up must be 0 to 10" >&2; exit 64; }

JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[[ -x $JAVA ]] || JAVA=$(command -v java)
app=${BENCH_OURS_APP:-target/quarkus-app}
[[ -f $app/quarkus-run.jar ]] || { echo "delete.sh: no $app/quarkus-run.jar: run mvn -B package -DskipTests first" >&2; exit 1; }
for tool in curl /usr/sbin/Orthanc; do
  command -v "$tool" >/dev/null || { echo "delete.sh: $tool is required (Debian packages orthanc, orthanc-dicomweb)" >&2; exit 1; }
done
((postgresql == 0)) || command -v psql >/dev/null || { echo "delete.sh: psql is required (or --no-postgresql)" >&2; exit 1; }
pg_schema=${BENCH_PG_SCHEMA_DELETE:-bench_delete}

source bench/cleanup.sh # the working directory is the repository root
folder_and_processes odw-delete
if ((postgresql)); then
  # The scratch schema goes with the folder and the processes, however the run ends.
  trap 'rc=$?; set +e; psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $pg_schema CASCADE" >/dev/null 2>&1; (exit $rc); stop_and_remove' EXIT
fi

port_free() { ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/" && ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { # first free port from $1 on, skipping those already taken by this run
  local port=$1
  for _ in $(seq 1 100); do
    if [[ " ${taken[*]:-} " != *" $port "* ]] && port_free "$port"; then taken+=("$port"); echo "$port"; return 0; fi
    port=$((port + 1))
  done
  echo "delete.sh: no free port from $1 on" >&2; exit 1
}
taken=()

wait_ready() { # name url pid
  for _ in $(seq 1 240); do
    kill -0 "$3" 2>/dev/null || { echo "delete.sh: $1 exited during start-up; log:" >&2; tail -20 "$tmp/$1.log" >&2; exit 1; }
    curl -sf -o /dev/null --max-time 5 "$2" && return 0
    sleep 0.5
  done
  echo "delete.sh: $1 not ready after 120 s ($2)" >&2; exit 1
}

echo "== corpus"
"$JAVA" bench/Generator.java --out "$tmp/corpus" --ct-slices 500 --ct-size 512 --mf-frames 1 --mf-size 16 --studies 0 >/dev/null

targets=()
meta=()
ours_version="opendicomweb $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ', with uncommitted changes')"

start_ours() { # name database-application-name label [environment...]
  local name=$1 application=$2 label=$3 port
  shift 3
  port=$(free_port 18150)
  mkdir -p "$tmp/$name"
  echo "== start $name on port $port"
  setsid env QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" DICOMWEB_STORAGE_PATH="$tmp/$name/blobs" "$@" \
    "$JAVA" -Xmx2g -jar "$app/quarkus-run.jar" >"$tmp/$name.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  wait_ready "$name" "http://127.0.0.1:$port/q/health/ready" "$pid"
  targets+=(--target "ours,$name,http://127.0.0.1:$port,$pid,$tmp/$name/blobs,$application,$label")
  meta+=(--meta "version.$name=$ours_version")
}

port=$(free_port 18142)
echo "== start orthanc on port $port"
setsid bench/orthanc.sh "$tmp/orthanc" "$port" true >"$tmp/orthanc.log" 2>&1 &
orthanc_pid=$!
pids+=("$orthanc_pid")
wait_ready orthanc "http://127.0.0.1:$port/system" "$orthanc_pid"
orthanc_version="Orthanc $(curl -sf "http://127.0.0.1:$port/system" | tr -d ' \n' | sed -E 's/.*"Version":"([^"]+)".*/\1/')"
targets+=(--target "orthanc,orthanc,http://127.0.0.1:$port,$orthanc_pid,$tmp/orthanc/storage,,Orthanc (Debian package, default settings; SQLite index)")
meta+=(--meta "version.orthanc=$orthanc_version")

start_ours ours-h2 "" "ours, embedded H2 index (the default)"
if ((postgresql)); then
  psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $pg_schema CASCADE; CREATE SCHEMA $pg_schema;"
  # The application_name lets the client count the PostgreSQL backends' CPU with the server's.
  start_ours ours-pg "$pg_schema" "ours, PostgreSQL index" DICOMWEB_DATABASE=postgresql \
    DICOMWEB_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$pg_schema&ApplicationName=$pg_schema" \
    DICOMWEB_DB_USER=postgres \
    QUARKUS_FLYWAY_POSTGRESQL_SCHEMAS="$pg_schema"
fi
for pid in "${pids[@]}"; do
  [[ $(cat "/proc/$pid/comm") != bash ]] || { echo "delete.sh: pid $pid is a shell, not a server" >&2; exit 1; }
done

echo "== measure"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
machine="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) memory, $(uname -sr), $("$JAVA" -version 2>&1 | head -1)"
command="bench/delete.sh --rounds $rounds --warm-up $warm_up$( ((postgresql)) || echo ' --no-postgresql')"
# Bounded: each round stores and deletes 500 instances per server, a few seconds each.
timeout $((300 + (rounds + warm_up) * 240)) "$JAVA" -Xmx1g bench/DeleteBench.java --corpus "$tmp/corpus" --rounds "$rounds" --warm-up "$warm_up" \
  --note "$tmp/delete.md.body" --command "$command" "${targets[@]}" "${meta[@]}" \
  --meta "date=$(date -u +%F)" --meta "machine=$machine" --meta "load.start=$load_start" \
  --meta "load.end=@LOAD_END@"
sed "s|@LOAD_END@|$(cut -d' ' -f1-3 /proc/loadavg)|" "$tmp/delete.md.body" >"$tmp/delete.md"
cat "$tmp/delete.md"

if ((docs)); then
  cp "$tmp/delete.md" docs/bench-runs/delete.md
  "$JAVA" bench/Report.java docs
  echo "== wrote docs/bench-runs/delete.md and docs/benchmarks.md"
fi
