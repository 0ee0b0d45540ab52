# What a DICOMweb client built on pydicom sends in the metadata-and-bulk-data form of STOW-RS.
# Usage: pydicom_to_json.py THRESHOLD OUTDIR FILE...
# Each file is read with pydicom and becomes one DICOM JSON dataset of an array (OUTDIR/metadata.json). Binary
# values whose base64 form is longer than THRESHOLD become BulkDataURIs, their bytes written to OUTDIR/bulk-N.bin;
# a negative THRESHOLD keeps everything inline. Prints {"metadata": path, "bulk": [{"uri", "file"}...]}.
import json
import os
import sys
import warnings

import pydicom

warnings.simplefilter("ignore")
threshold = int(sys.argv[1])
out = sys.argv[2]
parts = []


def bulk(elem):
    n = len(parts) + 1
    uri = "bulk/%d/%08X" % (n, elem.tag)
    path = os.path.join(out, "bulk-%d.bin" % n)
    with open(path, "wb") as f:
        f.write(elem.value)
    parts.append({"uri": uri, "file": path})
    return uri


datasets = []
for name in sys.argv[3:]:
    ds = pydicom.dcmread(name)
    if threshold < 0:
        datasets.append(ds.to_json_dict())
    else:
        datasets.append(ds.to_json_dict(bulk_data_threshold=threshold, bulk_data_element_handler=bulk))
metadata = os.path.join(out, "metadata.json")
with open(metadata, "w") as f:
    json.dump(datasets, f)
print(json.dumps({"metadata": metadata, "bulk": parts}))
