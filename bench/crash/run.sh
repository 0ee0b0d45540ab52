#!/usr/bin/env bash
# Crash test of STOW: kill -9 the server while 4 clients upload, restart it, then check that every
# acknowledged instance is indexed, every index row points at a complete file (size and SHA-256), no staged
# file is left and orphan files were swept. Uses the packaged jar (mvn package first), PostgreSQL on
# 127.0.0.1:5432 (database test, scratch schema 'crash') and a corpus from bench/Generator.java.
#   bench/crash/run.sh [SECONDS_BEFORE_KILL]
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
kill_after=${1:-3}
port=18090
tmp=$(mktemp -d /tmp/odw-crash.XXXXXX)
server_pid=
cleanup() {
  [[ -n $server_pid ]] && kill -9 "$server_pid" 2>/dev/null || true
  jobs -p | xargs -r kill 2>/dev/null || true
  psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS crash CASCADE" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS crash CASCADE; CREATE SCHEMA crash;" >/dev/null
start_server() {
  DICOMWEB_DATABASE=postgresql DICOMWEB_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=crash" \
    DICOMWEB_DB_USER=postgres DICOMWEB_STORAGE_PATH="$tmp/data" QUARKUS_HTTP_PORT=$port DICOMWEB_STOW_ORPHAN_GRACE=0S \
    "$JAVA" -jar target/quarkus-app/quarkus-run.jar >>"$tmp/server.log" 2>&1 &
  server_pid=$!
  disown "$server_pid"
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null && return 0
    sleep 0.5
  done
  echo "crash: server did not become ready" >&2; exit 1
}

echo "== corpus"
"$JAVA" bench/Generator.java --out "$tmp/corpus" --ct-slices 600 --ct-size 512 --mf-frames 2 --mf-size 64 --studies 1 >/dev/null
mkdir -p "$tmp/bodies" "$tmp/acked"
python3 - "$tmp/corpus/ct" "$tmp/bodies" <<'PY'
import os, sys
src, dst = sys.argv[1], sys.argv[2]
files = sorted(os.listdir(src))
for i in range(0, len(files), 10):
    parts = [b'Content-Type: application/dicom\r\n\r\n' + open(os.path.join(src, f), 'rb').read() + b'\r\n' for f in files[i:i+10]]
    open(os.path.join(dst, '%05d' % i), 'wb').write(b'--B0UNDARY\r\n' + b'--B0UNDARY\r\n'.join(parts) + b'--B0UNDARY--\r\n')
PY

echo "== upload with 4 clients, kill -9 after ${kill_after}s"
start_server
( ls "$tmp/bodies" | xargs -P 4 -I{} sh -c 'code=$(curl -s -o "'"$tmp"'/acked/{}.json" -w "%{http_code}" --max-time 30 -X POST -H "Content-Type: multipart/related; type=\"application/dicom\"; boundary=B0UNDARY" --data-binary @"'"$tmp"'/bodies/{}" http://127.0.0.1:'"$port"'/dicom-web/studies); [ "$code" = 200 ] || rm -f "'"$tmp"'/acked/{}.json"' ) &
uploads=$!
sleep "$kill_after"
kill -9 "$server_pid"; server_pid=
wait "$uploads" 2>/dev/null || true
echo "acknowledged requests before the kill: $(ls "$tmp/acked" | wc -l) of $(ls "$tmp/bodies" | wc -l)"

echo "== restart and check"
start_server
for _ in $(seq 1 60); do grep -q "Orphan file sweep" "$tmp/server.log" && break; sleep 0.5; done
grep "Orphan file sweep\|staged" "$tmp/server.log" | sed 's/^.*\] //' || true
python3 - "$tmp" <<'PY'
import glob, hashlib, json, os, subprocess, sys
tmp = sys.argv[1]
acked = set()
for f in glob.glob(tmp + '/acked/*.json'):
    doc = json.load(open(f))
    for item in doc.get('00081199', {}).get('Value', []):
        acked.add(item['00081155']['Value'][0])
rows = subprocess.run(['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'test', '-At', '-F', '|', '-c',
                       'select sop_iuid, blob_key, blob_size, blob_sha256 from crash.instance'],
                      capture_output=True, text=True, check=True).stdout.split()
indexed, bad = set(), []
for row in rows:
    sop, key, size, sha = row.split('|')
    indexed.add(sop)
    path = os.path.join(tmp, 'data', key)
    if not os.path.isfile(path) or os.path.getsize(path) != int(size) or hashlib.sha256(open(path, 'rb').read()).hexdigest() != sha:
        bad.append(key)
missing = acked - indexed
staged = [f for _, _, fs in os.walk(os.path.join(tmp, 'data', '.staging')) for f in fs]
files = [p for p in glob.glob(tmp + '/data/2.25.*/*/*')]
print(f"acknowledged instances: {len(acked)}, indexed: {len(indexed)}, files: {len(files)}")
print(f"acknowledged but not indexed: {len(missing)}; rows without a complete file: {len(bad)}; staged leftovers: {len(staged)}; files without a row: {len(files) - len(indexed)}")
sys.exit(1 if missing or bad or staged or len(files) != len(indexed) else 0)
PY
echo "crash test passed"
