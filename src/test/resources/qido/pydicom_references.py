# For each file given, what pydicom (an independent reader) sees of its references to other SOP instances, the
# oracle of ReferencesCorpusTest: every Referenced SOP Instance UID (0008,1155) in a sequence item at any depth,
# with the Referenced SOP Class UID (0008,1150) of the same item, the path of sequences as keywords (a sequence
# without a keyword by its tag as eight hex digits), and the Study and Series Instance UID of the nearest
# enclosing item that states one. UIDs lose their padding; empty values and values longer than 64 characters are
# no UIDs. Prints one JSON object keyed by path: {"uids": [class, instance, study, series], "references":
# [[uid, class, path, study, series], ...]} or {"error": ...}.
import json
import sys
import warnings

import pydicom
from pydicom.multival import MultiValue

warnings.simplefilter("ignore")

REFERENCED_SOP_INSTANCE_UID = 0x00081155
REFERENCED_SOP_CLASS_UID = 0x00081150
STUDY_INSTANCE_UID = 0x0020000D
SERIES_INSTANCE_UID = 0x0020000E


def uid(value):
    if value is None:
        return None
    text = str(value).rstrip("\0 ").lstrip(" ")
    return text if text and len(text) <= 64 else None


def values(item, tag):
    if tag not in item:
        return []
    value = item[tag].value
    if value is None:
        return []
    return list(value) if isinstance(value, MultiValue) else [value]


def first_uid(item, tag, otherwise):
    found = values(item, tag)
    if not found:
        return otherwise
    u = uid(found[0])
    return u if u is not None else otherwise


def walk(ds, path, study, series, out):
    for elem in ds:
        if elem.VR != "SQ" or not elem.value:
            continue
        segment = elem.keyword or "%08X" % int(elem.tag)
        here = path + [segment]
        for item in elem.value:
            item_study = first_uid(item, STUDY_INSTANCE_UID, study)
            item_series = first_uid(item, SERIES_INSTANCE_UID, series)
            sop_class = first_uid(item, REFERENCED_SOP_CLASS_UID, None)
            for value in values(item, REFERENCED_SOP_INSTANCE_UID):
                u = uid(value)
                if u is not None:
                    key = (u, sop_class, "/".join(here))
                    if key not in out:
                        out[key] = [u, sop_class, "/".join(here), item_study, item_series]
            walk(item, here, item_study, item_series, out)


result = {}
for path in sys.argv[1:]:
    try:
        ds = pydicom.dcmread(path)
        found = {}
        walk(ds, [], None, None, found)
        result[path] = {
            "uids": [str(ds.get(k, "") or "") for k in
                     ("SOPClassUID", "SOPInstanceUID", "StudyInstanceUID", "SeriesInstanceUID")],
            "references": list(found.values()),
        }
    except Exception as e:  # noqa: BLE001 - any refusal is a verdict
        result[path] = {"error": type(e).__name__ + ": " + str(e)}
print(json.dumps(result))
