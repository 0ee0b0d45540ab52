#!/usr/bin/env bash
# Side-by-side DICOMweb benchmark. See bench/README.md.
#
#   bench/run.sh [--quick] [--targets orthanc,orthanc2] [--only stow,metadata,qido,wado,frames,transcode] [--no-docs] [--keep]
#
# Generates a synthetic corpus, starts every target (and a zero-work HTTP server for the machine
# limits), runs one load client against all of them interleaved, stops everything, and renders
# docs/benchmarks.md with plots under docs/img/. Exits non-zero when a server answers with an error.
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$PWD
mode=full
targets=orthanc,orthanc2
docs=1
keep=0
only=
while (($#)); do
  case $1 in
    --quick) mode=quick ;;
    --full) mode=full ;;
    --targets) targets=$2; shift ;;
    --only) only=$2; shift ;;
    --no-docs) docs=0 ;;
    --keep) keep=1 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 64 ;;
  esac
  shift
done

JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[[ -x $JAVA ]] || JAVA=$(command -v java)
export JAVA
for tool in curl dcmdump; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is required" >&2; exit 1; }
done

source bench/cleanup.sh # the working directory is the repository root
folder_and_processes odw-bench

if [[ $mode == quick ]]; then
  gen=(--ct-slices 120 --ct-size 512 --mf-frames 100 --mf-size 256 --studies 200)
  sizes=(64:400 256:200 512:120 1024:30)   # matrix:instances for STOW against instance size
  client_cap=300
else
  gen=(--ct-slices 500 --ct-size 512 --mf-frames 100 --mf-size 512 --studies 2000)
  sizes=(64:1000 256:500 512:500 1024:120)
  client_cap=960
fi

echo "== corpus ($mode)"
"$JAVA" bench/Generator.java --out "$tmp/corpus" "${gen[@]}"
for f in "$tmp/corpus/ct/ct-0001.dcm" "$tmp/corpus/mf/mf-0001.dcm" "$(ls "$tmp"/corpus/small/*.dcm | head -1)"; do
  dcmdump -q "$f" >"$tmp/dcmdump.txt" || { echo "run.sh: dcmdump rejects $f" >&2; exit 1; }
  grep -q '^(7fe0,0010)' "$tmp/dcmdump.txt" || { echo "run.sh: dcmdump finds no pixel data in $f" >&2; exit 1; }
done
echo "dcmdump reads the sample files"
for entry in "${sizes[@]}"; do
  "$JAVA" bench/Generator.java --out "$tmp/sizes/${entry%%:*}" --ct-slices "${entry##*:}" --ct-size "${entry%%:*}" \
    --mf-frames 1 --mf-size 16 --studies 0 >/dev/null
  rm -rf "$tmp/sizes/${entry%%:*}/mf" "$tmp/sizes/${entry%%:*}/small"
done
echo "generated CT series of ${sizes[*]} (matrix:instances) for STOW against instance size"

wait_ready() { # name url pid
  for _ in $(seq 1 240); do
    kill -0 "$3" 2>/dev/null || { echo "run.sh: $1 exited during start-up; log:" >&2; tail -20 "$tmp/$1.log" >&2; exit 1; }
    curl -sf -o /dev/null "$2" && return 0
    sleep 0.5
  done
  echo "run.sh: $1 not ready after 120 s ($2)" >&2; exit 1
}

port_free() { ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/"; }

zero_port=${BENCH_PORT_ZERO:-18099}
port_free "$zero_port" || { echo "run.sh: port $zero_port in use" >&2; exit 1; }
setsid "$JAVA" -Xmx256m bench/ZeroServer.java "$zero_port" >"$tmp/zero.log" 2>&1 &
pids+=($!)
wait_ready zero "http://127.0.0.1:$zero_port/" "$!"

client_args=()
# The baseline of instance retrieval: nginx serving the corpus as static files (sendfile), when installed.
static_port=${BENCH_PORT_STATIC:-18097}
if command -v nginx >/dev/null; then
  port_free "$static_port" || { echo "run.sh: port $static_port in use" >&2; exit 1; }
  mkdir -p "$tmp/nginx"
  cat >"$tmp/nginx/nginx.conf" <<CONF
daemon off;
user root;
worker_processes auto;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log;
events {}
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  server {
    listen 127.0.0.1:$static_port;
    root $tmp/corpus;
  }
}
CONF
  setsid nginx -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx/error.log" >"$tmp/nginx.log" 2>&1 &
  pids+=($!)
  wait_ready nginx "http://127.0.0.1:$static_port/manifest.properties" "$!"
  client_args+=(--static "http://127.0.0.1:$static_port@$!")
else
  echo "run.sh: nginx not installed: no static-file baseline for instance retrieval" >&2
fi
meta=("date=$(date -u +%F)" "mode=$mode" "targets=$targets"
  "machine=$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) memory, $(uname -sr)"
  "load.start=$(cut -d' ' -f1-3 /proc/loadavg)"
  "java=$("$JAVA" -version 2>&1 | head -1)"
  "command=bench/run.sh --$mode --targets $targets")
IFS=, read -ra names <<<"$targets"
for name in "${names[@]}"; do
  def=bench/targets/$name.env
  [[ -f $def ]] || { echo "run.sh: no target definition $def" >&2; exit 1; }
  unset TARGET_LABEL TARGET_PORT TARGET_ROOT TARGET_START TARGET_READY TARGET_VERSION TARGET_DURABILITY TARGET_RESET
  # shellcheck source=/dev/null
  source "$def"
  export TARGET_PORT TARGET_DATA=$tmp/data-$name
  mkdir -p "$TARGET_DATA"
  port_free "$TARGET_PORT" || { echo "run.sh: port $TARGET_PORT for $name in use" >&2; exit 1; }
  [[ -z ${TARGET_RESET:-} ]] || bash -c "$TARGET_RESET"
  echo "== start $name on port $TARGET_PORT"
  setsid bash -c "$TARGET_START" >"$tmp/$name.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  wait_ready "$name" "http://127.0.0.1:$TARGET_PORT$TARGET_READY" "$pid"
  [[ $(cat "/proc/$pid/comm") != bash ]] || echo "run.sh: warning: $name's start line does not exec its server; CPU and RSS are the shell's" >&2
  version=$(bash -c "$TARGET_VERSION" 2>/dev/null || echo unknown)
  client_args+=(--target "$name=http://127.0.0.1:$TARGET_PORT$TARGET_ROOT@$pid")
  meta+=("target.$name.label=$TARGET_LABEL" "target.$name.version=$version" "target.$name.durability=$TARGET_DURABILITY")
  echo "$name: $version (pid $pid)"
done

echo "== measure"
mkdir -p "$tmp/scratch"
client_rc=0
timeout "$client_cap" "$JAVA" -Xmx1500m bench/Client.java --corpus "$tmp/corpus" --out "$tmp/results.tsv" \
  --mode "$mode" --scratch "$tmp/scratch" --zero "http://127.0.0.1:$zero_port/" --sizes "$tmp/sizes" "${client_args[@]}" ${only:+--only "$only"} || client_rc=$?

if command -v wrk >/dev/null; then
  # A second, C client on the zero-work endpoint: if it is much faster, the Java client is the limit there.
  wrk_rate=$(wrk -t2 -c4 -d3s "http://127.0.0.1:$zero_port/" | awk '/Requests\/sec/ {print $2}')
  printf 'machine\tzero_work_http_wrk\t-\t%s\treq/s\t\t\twrk -t2 -c4 -d3s on the same endpoint\n' "$wrk_rate" >>"$tmp/results.tsv"
  echo "machine  zero_work_http_wrk $wrk_rate req/s"
fi

if ((client_rc != 0)); then
  echo "run.sh: the load client failed (exit $client_rc); nothing written to docs/" >&2
  exit "$client_rc"
fi

if ((docs)); then
  run=$(IFS=-; echo "${names[*]}")-$mode
  mkdir -p docs/bench-runs docs/img
  cp "$tmp/results.tsv" "docs/bench-runs/$run.tsv"
  meta+=("load.end=$(cut -d' ' -f1-3 /proc/loadavg)")
  printf '%s\n' "${meta[@]}" >"docs/bench-runs/$run.properties"
  "$JAVA" bench/Report.java docs
  echo "== wrote docs/benchmarks.md and docs/img/ (run $run)"
fi
