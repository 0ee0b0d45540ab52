# Sourced by the benchmark scripts: a temporary folder ($tmp) and the processes they start ($pids, each the
# leader of its own session, started with setsid), both removed on exit however the script ends. The caller sets
# keep=1 to keep the folder. Usage: folder_and_processes PREFIX
folder_and_processes() {
  tmp=$(mktemp -d "${BENCH_TMP:-/tmp}/$1.XXXXXX")
  pids=()
  trap stop_and_remove EXIT
  trap 'exit 130' INT TERM
}

stop_and_remove() {
  local rc=$?
  for pid in "${pids[@]}"; do
    # Each process runs in its own session (setsid), so its whole process group goes.
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  if ((keep)); then echo "kept $tmp"; else rm -rf "$tmp"; fi
  exit $rc
}
