# For each file given, what pydicom (an independent reader) sees: whether it is a Part 10 file with File
# Meta Information, and the four UIDs STOW requires. Prints one JSON object keyed by path.
import json
import sys
import warnings

import pydicom

warnings.simplefilter("ignore")
out = {}
for path in sys.argv[1:]:
    entry = {"readable": False}
    try:
        ds = pydicom.dcmread(path)
        meta = getattr(ds, "file_meta", None)
        entry = {
            "readable": True,
            "meta": bool(meta) and "TransferSyntaxUID" in meta,
            "uids": [str(ds.get(k, "") or "") for k in
                     ("SOPClassUID", "SOPInstanceUID", "StudyInstanceUID", "SeriesInstanceUID")],
        }
    except Exception as e:  # noqa: BLE001 - any refusal is a verdict
        entry["error"] = type(e).__name__
    out[path] = entry
print(json.dumps(out))
