"""Write pydicom's DICOM JSON Model of each file given, as an oracle for the Java tests.

Usage: pydicom_to_json.py OUTDIR FILE...
For the n-th FILE (0-based) writes OUTDIR/n.json with Dataset.to_json_dict() (every
binary value inline, no bulk data handler), or OUTDIR/n.err with the reason pydicom
refused the file. Files without the Part 10 preamble are read again with force=True,
as pydicom itself only reads those when asked to, and OUTDIR/n.forced marks them: with
force pydicom takes any bytes for a dataset, so such a result is no verdict on whether
the file is DICOM. Run with the system python that has
pydicom.
"""
import json
import math
import os
import sys
import warnings

import pydicom
import pydicom.config
from pydicom.errors import InvalidDicomError


def finite(value):
    # pydicom gives NaN and infinities as floats, which json.dump would write as bare NaN/Infinity.
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, list):
        return [finite(v) for v in value]
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    return value


def main():
    out_dir = sys.argv[1]
    # pydicom's default, stated: a UN element of a tag in its dictionary is read with the dictionary's VR
    # (PS3.5 §6.2.2), as our reader does.
    pydicom.config.replace_un_with_known_vr = True
    warnings.simplefilter("ignore")
    for index, path in enumerate(sys.argv[2:]):
        target = os.path.join(out_dir, str(index))
        try:
            try:
                ds = pydicom.dcmread(path)
            except InvalidDicomError:
                ds = pydicom.dcmread(path, force=True)
                open(target + ".forced", "w").close()
            result = finite(ds.to_json_dict(bulk_data_threshold=1 << 62, bulk_data_element_handler=None))
            with open(target + ".json", "w", encoding="utf-8") as f:
                json.dump(result, f)
        except Exception as e:  # any refusal is the oracle's answer for this file
            with open(target + ".err", "w", encoding="utf-8") as f:
                f.write(type(e).__name__ + ": " + str(e))


if __name__ == "__main__":
    main()
