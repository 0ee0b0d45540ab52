#!/usr/bin/env bash
# Memory proof for large STOW-RS uploads: runs the packaged server with a small heap, sends one request of
# several ~500 MB multi-frame instances generated on the fly (chunked, bench/StowLarge.java), and records the
# server's peak heap (GC log) and peak RSS (VmHWM), the upload's MB/s, and the disk's sequential write speed
# measured in the same run (dd with conv=fdatasync). With several sizes (--gb 1,2,4) each size is one request to
# a freshly started server, so the figures show how memory grows with the upload: it should not. Everything it writes lives in a temporary folder that is
# removed at the end. Build first: mvn -B package -DskipTests
#
#   bench/stow-large.sh [--gb 4 | --gb 1,2,4] [--instance-mb 500] [--form dicom|json|deflated|both] [--heap 256m] [--database h2|postgresql]
#                       [--record [--note TEXT]]
#
# --record stores the figures in docs/bench-runs/stow-large.{txt,properties} (with TEXT as a remark under the
# table) and re-renders docs/benchmarks.md.
# PostgreSQL: a server on 127.0.0.1:5432 accepting user postgres without password, database 'test' (a scratch
# schema 'stowlarge' is created and dropped). Environment: JAVA, BENCH_TMP (default /tmp), BENCH_PORT (18095).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JCMD=$(dirname "$JAVA")/jcmd
gb=4
instance_mb=500
forms=both
heap=256m
database=h2
record=0
note=
while (($#)); do
  case $1 in
    --gb) gb=$2; shift ;;
    --instance-mb) instance_mb=$2; shift ;;
    --form) forms=$2; shift ;;
    --heap) heap=$2; shift ;;
    --database) database=$2; shift ;;
    --record) record=1 ;;
    --note) note=$2; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "stow-large.sh: unknown argument $1" >&2; exit 64 ;;
  esac
  shift
done
[[ $forms == both ]] && forms="dicom json"
[[ -f target/quarkus-app/quarkus-run.jar ]] || { echo "stow-large.sh: build first: mvn -B package -DskipTests" >&2; exit 1; }
sizes_gb=${gb//,/ }
port=${BENCH_PORT:-18095}
tmp=$(mktemp -d "${BENCH_TMP:-/tmp}/odw-stow-large.XXXXXX")
server_pid=
cleanup() {
  if [[ -n $server_pid ]]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  if [[ $database == postgresql ]]; then
    psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS stowlarge CASCADE" >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB memory; free disk at $tmp: $(df -h "$tmp" | awk 'NR==2 {print $4}')"
echo "== disk: sequential write of 2 GiB with conv=fdatasync"
dd_line=$(dd if=/dev/zero of="$tmp/dd.bin" bs=1M count=2048 conv=fdatasync 2>&1 | tail -1)
rm -f "$tmp/dd.bin"
disk_mbs=$(awk '{print $(NF-1), $NF}' <<<"$dd_line")
echo "   $dd_line"

start_server() {
  local env=(DICOMWEB_STORAGE_PATH="$tmp/data" QUARKUS_HTTP_PORT=$port QUARKUS_LOG_LEVEL=WARN)
  if [[ $database == postgresql ]]; then
    psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS stowlarge CASCADE; CREATE SCHEMA stowlarge;" >/dev/null
    env+=(DICOMWEB_DATABASE=postgresql DICOMWEB_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=stowlarge"
          DICOMWEB_DB_USER=postgres)
  fi
  env "${env[@]}" "$JAVA" "-Xmx$heap" "-Xlog:gc:file=$tmp/gc.log" -jar target/quarkus-app/quarkus-run.jar \
    >"$tmp/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.5
  done
  echo "stow-large.sh: the server did not become ready:" >&2; tail -20 "$tmp/server.log" >&2; exit 1
}

# Peak RSS is the kernel's high-water mark (VmHWM); peak heap is the most heap in use before any collection.
peak_rss_mb() { awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$server_pid/status"; }
peak_heap_mb() { grep -o '[0-9]*M->' "$tmp/gc.log" | sed 's/M->//' | sort -n | tail -1; }
# CPU seconds the server has used so far (user + system), so that a busy machine does not hide what it costs.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$server_pid/stat"; }
# The most heap still in use after a collection: what the server really kept.
peak_live_mb() { grep -o '[0-9]*M->[0-9]*M' "$tmp/gc.log" | sed 's/.*->//; s/M//' | sort -n | tail -1; }

printf '%s\n' "form MiB_sent heap_max peak_heap_mb peak_live_mb peak_rss_mb seconds upload_MB/s server_cpu_s cpu_s_per_GiB disk_MB/s" >"$tmp/results"
for size_gb in $sizes_gb; do
for form in $forms; do
  instances=$(awk -v g="$size_gb" -v m="$instance_mb" 'BEGIN {n = int((g * 1024 + m / 2) / m); print n < 1 ? 1 : n}')
  rm -rf "$tmp/data" "$tmp/gc.log"
  echo "== $form: $instances instances of ~$instance_mb MB in one request, server -Xmx$heap, $database"
  start_server
  rss_idle=$(peak_rss_mb)
  cpu_before=$(cpu_seconds)
  echo "   load average before the upload: $(cut -d' ' -f1-3 /proc/loadavg)"
  result=$("$JAVA" bench/StowLarge.java --url "http://127.0.0.1:$port/dicom-web" --form "$form" \
    --instances "$instances" --instance-mb "$instance_mb")
  read -r bytes seconds mbs stored failed <<<"$result"
  cpu=$(awk -v a="$cpu_before" -v b="$(cpu_seconds)" 'BEGIN {printf "%.1f", b - a}')
  heap_info=$("$JCMD" "$server_pid" GC.heap_info 2>/dev/null | head -3 || true)
  stored_bytes=$(du -sb "$tmp/data" --exclude=index --exclude=.staging | cut -f1)
  leftovers=$(find "$tmp/data/.staging" -type f | wc -l)
  echo "   sent $((bytes / 1024 / 1024)) MiB in $seconds s = $mbs MB/s; stored $stored, failed $failed;" \
    "$((stored_bytes / 1024 / 1024)) MiB on disk; $leftovers staged/spooled files left; server CPU $cpu s"
  echo "   peak heap $(peak_heap_mb) MB before a collection, $(peak_live_mb) MB after (GC log);" \
    "peak RSS $(peak_rss_mb) MB (after start-up: $rss_idle MB)"
  sed 's/^/   /' <<<"$heap_info"
  per_gib=$(awk -v c="$cpu" -v b="$bytes" 'BEGIN {printf "%.1f", c / (b / 1073741824)}')
  echo "$form $((bytes / 1048576)) $heap $(peak_heap_mb) $(peak_live_mb) $(peak_rss_mb) $seconds $mbs $cpu $per_gib ${disk_mbs%% *}" >>"$tmp/results"
  [[ $leftovers == 0 ]] || { echo "stow-large.sh: temporary files were left behind" >&2; exit 1; }
  kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
done
done
echo "== results (disk: $disk_mbs)"
column -t "$tmp/results"
if ((record)); then
  column -t "$tmp/results" >docs/bench-runs/stow-large.txt
  {
    echo "date=$(date -u +%Y-%m-%d)"
    echo "machine=$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB, $("$JAVA" -version 2>&1 | head -1)"
    echo "load=$load_before"
    echo "heap=$heap"
    echo "database=$database"
    echo "sizes_gb=$sizes_gb"
    echo "instance_mb=$instance_mb"
    echo "note=$note"
  } >docs/bench-runs/stow-large.properties
  "$JAVA" bench/Report.java docs
  echo "recorded in docs/bench-runs/stow-large.txt and docs/benchmarks.md"
fi
