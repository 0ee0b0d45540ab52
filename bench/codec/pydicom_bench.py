"""Times pydicom on the benchmark files that CodecBenchmark wrote: header parse (stop_before_pixels) and full read.

Run with the system python3, where pydicom is installed: /usr/bin/python3 pydicom_bench.py FOLDER [SECONDS]
"""
import glob
import sys
import time

import pydicom


def measure(name, files, seconds, **kwargs):
    n = 0
    warm_end = time.perf_counter() + seconds * 0.4
    while time.perf_counter() < warm_end:
        pydicom.dcmread(files[n % len(files)], **kwargs)
        n += 1
    n = 0
    start = time.perf_counter()
    end = start + seconds
    now = start
    while now < end:
        for _ in range(16):
            ds = pydicom.dcmread(files[n % len(files)], **kwargs)
            n += 1
        now = time.perf_counter()
    elapsed = now - start
    print(f"| pydicom {pydicom.__version__}: {name} | {n / elapsed:,.0f} | {elapsed * 1e6 / n:.1f} |")


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "bench/work/codec"
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 5
    files = sorted(glob.glob(folder + "/ct*.dcm"))
    measure("dcmread(stop_before_pixels=True)", files, seconds, stop_before_pixels=True)
    measure("dcmread (pixel data read into memory)", files, seconds)
    measure("dcmread(defer_size=1024) (large values deferred)", files, seconds, defer_size=1024)


main()
