"""Prints, one base64 line per frame, the pixel bytes pydicom gives for each frame of a DICOM file.

Encapsulated pixel data: the frame's fragments joined (pydicom.encaps); native pixel data: the frame's bytes.
Used as an independent oracle by the WADO-RS frame tests.
"""
import base64
import sys

import pydicom
from pydicom import encaps

ds = pydicom.dcmread(sys.argv[1])
frames = int(ds.get("NumberOfFrames", 1) or 1)
if ds.file_meta.TransferSyntaxUID.is_compressed:
    for frame in encaps.generate_pixel_data_frame(ds.PixelData, frames):
        print(base64.b64encode(frame).decode("ascii"))
else:
    data = ds.PixelData
    size = len(data) // frames
    for k in range(frames):
        print(base64.b64encode(data[k * size:(k + 1) * size]).decode("ascii"))
