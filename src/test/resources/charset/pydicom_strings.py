"""Print what pydicom decodes for every character-set dependent string element.

One JSON object per line: file, tag path, VR, the Specific Character Set terms in
force for the dataset holding the element (inherited into sequence items that
have none of their own, PS3.5 7.5.3), the raw value field as hex and pydicom's
decoded value(s). PN values are given as lists of component groups.
Used as an oracle by the Java tests; run with the system python that has pydicom.
"""
import json
import sys
import warnings

import pydicom
from pydicom.dataelem import RawDataElement

CHARSET_VRS = {"SH", "LO", "ST", "LT", "PN", "UC", "UT"}
SPECIFIC_CHARACTER_SET = 0x00080005


def terms_of(ds, inherited):
    raw = ds.get_item(SPECIFIC_CHARACTER_SET)
    if raw is None:
        return inherited
    text = raw.value.decode("ascii") if isinstance(raw, RawDataElement) else None
    if text is None:
        value = raw.value
        return list(value) if isinstance(value, (list, pydicom.multival.MultiValue)) else [value]
    return [t.strip() for t in text.split("\\")]


def as_list(value):
    if isinstance(value, (list, pydicom.multival.MultiValue)):
        return list(value)
    return [value]


def decoded(vr, value):
    if vr == "PN":
        return [list(pn.components) for pn in as_list(value)]
    return [str(v) for v in as_list(value)]


def walk(file_name, ds, path, inherited, out):
    terms = terms_of(ds, inherited)
    for tag in list(ds.keys()):
        raw = ds.get_item(tag)
        elem = ds[tag]
        tag_path = path + ["%08X" % int(tag)]
        if elem.VR == "SQ":
            for index, item in enumerate(elem.value):
                walk(file_name, item, tag_path + [str(index)], terms, out)
            continue
        if elem.VR not in CHARSET_VRS or not isinstance(raw, RawDataElement):
            continue
        if raw.value is None or len(raw.value) == 0:
            continue
        out.write(json.dumps({
            "file": file_name,
            "path": "/".join(tag_path),
            "vr": elem.VR,
            "charset": terms,
            "raw": raw.value.hex(),
            "values": decoded(elem.VR, elem.value),
        }, ensure_ascii=True) + "\n")


def main(paths):
    warnings.simplefilter("ignore")
    for p in paths:
        ds = pydicom.dcmread(p)
        walk(p.rsplit("/", 1)[-1], ds, [], [""], sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
