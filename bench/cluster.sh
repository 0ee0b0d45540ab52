#!/usr/bin/env bash
# Scale-out on one machine: one node on a file system, one node on S3, two nodes on S3 behind nginx (each a local
# cluster of deploy/local-cluster/run.sh with its own PostgreSQL), and Orthanc beside them, measured in one run by
# bench/Client.java (STOW, QIDO, WADO instances and frames), then WADO of a large multi-frame instance from S3 and
# from the file system with the server's heap watched. See bench/README.md ("Scale-out on one machine").
#
#   bench/cluster.sh [--quick|--full] [--no-docs] [--keep]
#
# Writes docs/bench-runs/cluster.md and renders docs/benchmarks.md. Exits non-zero, writing nothing, when a server
# answers an error, STOW lists a failed SOP, or a part does not start.
set -euo pipefail

cd "$(dirname "$0")/.."
mode=quick
docs=1
keep=0
while (($#)); do
  case $1 in
    --quick) mode=quick ;;
    --full) mode=full ;;
    --no-docs) docs=0 ;;
    --keep) keep=1 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "cluster.sh: unknown argument $1" >&2; exit 64 ;;
  esac
  shift
done

JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[[ -x $JAVA ]] || JAVA=$(command -v java)
app=${BENCH_OURS_APP:-target/quarkus-app}
[[ -f $app/quarkus-run.jar ]] || { echo "cluster.sh: no $app/quarkus-run.jar: run mvn -B package -DskipTests first" >&2; exit 1; }
for tool in curl nginx /usr/sbin/Orthanc; do
  command -v "$tool" >/dev/null || { echo "cluster.sh: $tool is required (Debian packages nginx-light, orthanc, orthanc-dicomweb)" >&2; exit 1; }
done

source bench/cleanup.sh # the working directory is the repository root
folder_and_processes odw-cluster
# The local clusters' PostgreSQL runs as user postgres when this runs as root: it must reach its folder.
chmod 755 "$tmp"
clusters=()
# The local clusters go with the folder and the other processes, however the run ends.
# (set +e: under errexit, the `(exit $rc)` that hands the status on would end the trap there.)
trap 'rc=$?; set +e; for c in "${clusters[@]}"; do deploy/local-cluster/run.sh stop --work "$c" >/dev/null 2>&1; done; (exit $rc); stop_and_remove' EXIT

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
started_at=$(date +%s)
if [[ $mode == quick ]]; then
  gen=(--ct-slices 120 --ct-size 512 --mf-frames 100 --mf-size 256 --studies 200)
  client_cap=1200
else
  gen=(--ct-slices 500 --ct-size 512 --mf-frames 100 --mf-size 512 --studies 2000)
  client_cap=1800
fi
large_frames=${BENCH_LARGE_FRAMES:-150}
echo "== corpus ($mode), and a multi-frame instance of $large_frames frames of 1024x1024"
"$JAVA" bench/Generator.java --out "$tmp/corpus" "${gen[@]}" >/dev/null
"$JAVA" bench/Generator.java --out "$tmp/large" --ct-slices 1 --ct-size 16 --mf-frames "$large_frames" --mf-size 1024 \
  --studies 0 >/dev/null

# One local cluster: name, then run.sh's options; started in the background (the three start side by side), its
# settings then in $tmp/NAME/urls.env and its processes in $tmp/NAME/pids.
starting=()
start_cluster() {
  local name=$1
  shift
  echo "== start $name"
  clusters+=("$tmp/$name")
  deploy/local-cluster/run.sh start --detach --work "$tmp/$name" --app "$app" --java-opts "-Xmx1g" "$@" \
    >"$tmp/$name.start.log" 2>&1 &
  starting+=("$name:$!")
}
pid_of() { awk -v n="$2" '$1 == n {print $2}' "$tmp/$1/pids"; }
url_of() { sed -n "s/^$2=//p" "$tmp/$1/urls.env"; }

start_cluster fs1 --nodes 1 --storage filesystem --no-balancer --port-base 18400
start_cluster s3n1 --nodes 1 --storage s3 --no-balancer --port-base 18440
start_cluster s3n2 --nodes 2 --storage s3 --port-base 18480
for entry in "${starting[@]}"; do
  wait "${entry#*:}" || { echo "cluster.sh: ${entry%%:*} did not start:" >&2; tail -20 "$tmp/${entry%%:*}.start.log" >&2; exit 1; }
  cat "$tmp/${entry%%:*}.start.log"
done

port=18042
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
echo "== start orthanc on port $port"
setsid bench/orthanc.sh "$tmp/orthanc" "$port" true >"$tmp/orthanc.log" 2>&1 &
orthanc_pid=$!
pids+=("$orthanc_pid")
for _ in $(seq 1 240); do
  curl -sf -o /dev/null "http://127.0.0.1:$port/system" && break
  kill -0 "$orthanc_pid" 2>/dev/null || { echo "cluster.sh: Orthanc exited:" >&2; tail -20 "$tmp/orthanc.log" >&2; exit 1; }
  sleep 0.5
done
orthanc_version="Orthanc $(curl -sf "http://127.0.0.1:$port/system" | tr -d ' \n' | sed -E 's/.*"Version":"([^"]+)".*/\1/')"

ours_version="opendicomweb $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ', with uncommitted changes')"
args=(--target "orthanc=http://127.0.0.1:$port/dicom-web@$orthanc_pid")
args+=(--target "fs1=$(url_of fs1 LOCAL_CLUSTER_URL)/dicom-web@$(pid_of fs1 node1)")
args+=(--aux "fs1:postgresql=$(pid_of fs1 postgresql)")
args+=(--target "s3n1=$(url_of s3n1 LOCAL_CLUSTER_URL)/dicom-web@$(pid_of s3n1 node1)")
args+=(--aux "s3n1:postgresql=$(pid_of s3n1 postgresql)" --aux "s3n1:s3proxy=$(pid_of s3n1 s3proxy)")
args+=(--target "s3n2=$(url_of s3n2 LOCAL_CLUSTER_URL)/dicom-web@$(pid_of s3n2 node1)+$(pid_of s3n2 node2)")
args+=(--aux "s3n2:postgresql=$(pid_of s3n2 postgresql)" --aux "s3n2:s3proxy=$(pid_of s3n2 s3proxy)")
args+=(--aux "s3n2:nginx=$(pid_of s3n2 nginx)")

echo "== measure"
mkdir -p "$tmp/scratch"
timeout "$client_cap" "$JAVA" -Xmx1500m bench/Client.java --corpus "$tmp/corpus" --out "$tmp/results.tsv" \
  --mode "$mode" --rounds 2 --scratch "$tmp/scratch" --only qido,wado,frames "${args[@]}"

# Which node served: every node of the two-node cluster writes its own audit file, one line per access.
audit1=$(wc -l <"$tmp/s3n2/node1/audit.log")
audit2=$(wc -l <"$tmp/s3n2/node2/audit.log")
((audit1 > 0 && audit2 > 0)) || { echo "cluster.sh: a node of s3n2 served nothing (audit lines $audit1, $audit2)" >&2; exit 1; }

echo "== WADO of the large multi-frame instance, heap watched"
large=$(ls "$tmp"/large/mf/*.dcm)
# Other UIDs than the corpus' multi-frame instance (stored already), of the same length, in the header only.
perl -e 'open(F, "+<", $ARGV[0]) or die; binmode F; read(F, $h, 65536); $end = index($h, "\xe0\x7f\x10\x00");
  $head = substr($h, 0, $end); $head =~ s/2\.25\.10000/2.25.19999/g; seek(F, 0, 0); print F $head; close F' "$large"
sed -i 's/2\.25\.10000/2.25.19999/g' "$tmp/large/manifest.properties"
large_bytes=$(stat -c %s "$large")
# Whole-instance retrievals per server, and the frames of one pass: bounded in count, each request in time.
retrievals=${BENCH_LARGE_RETRIEVALS:-4}
heap_rows=()
for name in fs1 s3n1; do
  base=$(url_of "$name" LOCAL_CLUSTER_URL)
  node_pid=$(pid_of "$name" node1)
  boundary=large-$RANDOM$RANDOM
  { printf -- '--%s\r\nContent-Type: application/dicom\r\n\r\n' "$boundary"; cat "$large"; printf -- '\r\n--%s--\r\n' "$boundary"; } \
    >"$tmp/large.body"
  code=$(curl -s -o "$tmp/large.stow.json" -w '%{http_code}' --max-time 300 -X POST \
    -H "Content-Type: multipart/related; type=\"application/dicom\"; boundary=$boundary" -H 'Accept: application/dicom+json' \
    --data-binary @"$tmp/large.body" "$base/dicom-web/studies")
  [[ $code == 200 ]] || { echo "cluster.sh: STOW of the large instance to $name answered $code" >&2; cat "$tmp/large.stow.json" >&2; exit 1; }
  rm -f "$tmp/large.body"
  uid() { sed -n "s/^$1=//p" "$tmp/large/manifest.properties"; }
  instance=$base/dicom-web/studies/$(uid mf.study)/series/$(uid mf.series)/instances/$(uid mf.sop)
  # A full collection first, so the heap in use after it is what the server keeps, not garbage of earlier loads.
  jcmd=$(dirname "$JAVA")/jcmd
  "$jcmd" "$node_pid" GC.run >/dev/null
  # The sum of a Prometheus metric's series whose line starts with $1.
  metric() { curl -sf --max-time 10 "$base/q/metrics" | grep -F "$1" | awk '{s += $NF} END {printf "%.0f", s}'; }
  alloc0=$(metric 'jvm_gc_memory_allocated_bytes_total ')
  # The heap in use, sampled every 0.2 s while the retrievals run: its peak.
  ( peak=0; while :; do
      used=$(metric 'jvm_memory_used_bytes{area="heap"' 2>/dev/null || echo 0)
      ((used > peak)) && { peak=$used; echo "$peak" >"$tmp/peak.$name"; }
      sleep 0.2
    done ) &
  sampler=$!
  t0=$(date +%s.%N)
  total=0
  for _ in $(seq 1 "$retrievals"); do
    got=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' --max-time 300 \
      -H 'Accept: multipart/related; type="application/dicom"; transfer-syntax=*' "$instance")
    [[ ${got% *} == 200 ]] || { kill "$sampler"; echo "cluster.sh: WADO of the large instance from $name answered ${got% *}" >&2; exit 1; }
    total=$((total + ${got#* }))
  done
  for f in $(seq 1 "$large_frames"); do
    got=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' --max-time 60 \
      -H 'Accept: multipart/related; type=application/octet-stream; transfer-syntax=*' "$instance/frames/$f")
    [[ ${got% *} == 200 ]] || { kill "$sampler"; echo "cluster.sh: frame $f from $name answered ${got% *}" >&2; exit 1; }
    total=$((total + ${got#* }))
  done
  t1=$(date +%s.%N)
  kill "$sampler"; wait "$sampler" 2>/dev/null || true
  "$jcmd" "$node_pid" GC.run >/dev/null
  alloc1=$(metric 'jvm_gc_memory_allocated_bytes_total ')
  peak=$(cat "$tmp/peak.$name" 2>/dev/null || echo 0)
  heap_rows+=("$name	$large_bytes	$retrievals	$large_frames	$total	$((alloc1 - alloc0))	$peak	$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}')")
  echo "$name: $total bytes sent, $((alloc1 - alloc0)) bytes allocated, heap peak $peak"
done
printf '%s\n' "${heap_rows[@]}" >"$tmp/heap.tsv"

machine="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) memory, $(uname -sr)"
"$JAVA" bench/ClusterNote.java --results "$tmp/results.tsv" --heap "$tmp/heap.tsv" --out "$tmp/cluster.md" \
  --meta "date=$(date -u +%F)" --meta "command=bench/cluster.sh --$mode" --meta "machine=$machine" \
  --meta "java=$("$JAVA" -version 2>&1 | head -1)" --meta "load.start=$load_start" \
  --meta "load.end=$(cut -d' ' -f1-3 /proc/loadavg)" --meta "wall=$(($(date +%s) - started_at))" \
  --meta "version.ours=$ours_version" --meta "version.orthanc=$orthanc_version" \
  --meta "audit.node1=$audit1" --meta "audit.node2=$audit2"
cat "$tmp/cluster.md"
if ((docs)); then
  cp "$tmp/cluster.md" docs/bench-runs/cluster.md
  "$JAVA" bench/Report.java docs
  echo "== wrote docs/bench-runs/cluster.md and docs/benchmarks.md"
fi
