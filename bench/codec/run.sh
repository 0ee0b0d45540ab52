#!/bin/sh
# Codec benchmark: our reader and writer, then pydicom and dcmtk on the same 512x512 CT slices.
# Run from the repository root: bench/codec/run.sh [seconds per case]
# Results go to standard output as Markdown table rows; docs/benchmarks-codec.md records a run.
set -e
SECONDS_PER_CASE=${1:-5}
WORK=bench/work/codec
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[ -x "$JAVA" ] || JAVA=java

mvn -B -q -o test-compile
mkdir -p "$WORK"
echo "## machine"
echo "$(nproc) processors; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "## ours (one thread)"
"$JAVA" -Xmx1g -cp target/classes:target/test-classes org.opendicomweb.bench.CodecBenchmark "$WORK" "$SECONDS_PER_CASE"
echo
echo "## pydicom (one process)"
if /usr/bin/python3 -c 'import pydicom' 2>/dev/null; then
    /usr/bin/python3 bench/codec/pydicom_bench.py "$WORK" "$SECONDS_PER_CASE"
else
    echo "pydicom not installed for /usr/bin/python3: skipped"
fi
echo
echo "## dcmtk dcmdump"
if command -v dcmdump >/dev/null; then
    dcmdump --version | head -1
    if command -v hyperfine >/dev/null; then
        # -M: do not load very long values (the pixel data); output thrown away.
        hyperfine -N --warmup 3 --runs 20 --export-markdown "$WORK/dcmdump-100.md" \
            "dcmdump -M $(ls $WORK/ct*.dcm | tr '\n' ' ')" >/dev/null
        hyperfine -N --warmup 3 --runs 50 --export-markdown "$WORK/dcmdump-1.md" "dcmdump -M $WORK/ct000.dcm" >/dev/null
        echo "100 files in one dcmdump process:"
        tail -1 "$WORK/dcmdump-100.md" | cut -c1-40,200- | sed 's/dcmdump -M .*\.dcm /dcmdump -M (100 files) /'
        echo "one file per dcmdump process:"
        tail -1 "$WORK/dcmdump-1.md"
    else
        start=$(date +%s%N)
        for i in 1 2 3 4 5 6 7 8 9 10; do dcmdump -M $WORK/ct*.dcm >/dev/null; done
        end=$(date +%s%N)
        echo "1000 files, 10 processes: $(( (end - start) / 1000000 )) ms"
    fi
else
    echo "dcmtk not installed: skipped"
fi
