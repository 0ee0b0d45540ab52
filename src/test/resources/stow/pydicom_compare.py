# Whether two files hold the same dataset, as pydicom (an independent reader) sees them: the same elements with
# the same VRs and values, nested items included. File Meta Information and group lengths are left out (a
# server writes its own), text is compared decoded (so ISO 2022 escapes may differ), DS and IS by number, person
# names without trailing empty components. Usage: pydicom_compare.py ORIGINAL OTHER; prints a JSON list of
# differences.
import json
import sys
import warnings

import pydicom
from pydicom.multival import MultiValue

warnings.simplefilter("ignore")


def person_name(value):
    groups = [g.rstrip("^") for g in str(value).split("=")]
    return "=".join(groups).rstrip("=")


def values(elem):
    v = elem.value
    if v is None or v == "" or v == b"":
        return []
    items = list(v) if isinstance(v, (list, MultiValue)) else [v]
    out = []
    for x in items:
        if elem.VR == "DS":
            out.append(float(x) if str(x).strip() != "" else None)
        elif elem.VR == "IS":
            out.append(int(x) if str(x).strip() != "" else None)
        elif elem.VR == "PN":
            out.append(person_name(x))
        elif isinstance(x, (bytes, bytearray)):
            out.append(bytes(x).hex())
        elif isinstance(x, str):
            out.append(x.rstrip(" \x00"))
        else:
            out.append(repr(x))
    # A value of padding or empty components only ("^^^^", " ") is an empty value.
    return [] if all(x in ("", None) for x in out) else out


def compare(a, b, path, diffs):
    tags_a = {e.tag for e in a if e.tag.element != 0}
    tags_b = {e.tag for e in b if e.tag.element != 0}
    for tag in sorted(tags_a | tags_b):
        where = path + str(tag)
        if tag not in tags_b:
            diffs.append(where + " only in the original")
            continue
        if tag not in tags_a:
            diffs.append(where + " only in the other")
            continue
        ea, eb = a[tag], b[tag]
        if ea.VR != eb.VR:
            diffs.append("%s VR %s vs %s" % (where, ea.VR, eb.VR))
        elif ea.VR == "SQ":
            if len(ea.value) != len(eb.value):
                diffs.append("%s %d vs %d items" % (where, len(ea.value), len(eb.value)))
            else:
                for k, (ia, ib) in enumerate(zip(ea.value, eb.value)):
                    compare(ia, ib, "%s[%d]/" % (where, k + 1), diffs)
        else:
            va, vb = values(ea), values(eb)
            if va != vb:
                diffs.append("%s %s vs %s" % (where, str(va)[:120], str(vb)[:120]))


original = pydicom.dcmread(sys.argv[1])
other = pydicom.dcmread(sys.argv[2])
differences = []
compare(original, other, "", differences)
print(json.dumps(differences))
