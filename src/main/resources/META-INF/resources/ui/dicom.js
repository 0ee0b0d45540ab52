// Reading DICOM JSON (PS3.18 Annex F) for display.

/** The first value of an attribute (tag as 8 hex digits), or undefined. */
export function first(dataset, tag) {
  const value = dataset?.[tag]?.Value;
  return value && value.length ? value[0] : undefined;
}

/** All values of an attribute, or an empty array. */
export function values(dataset, tag) {
  return dataset?.[tag]?.Value ?? [];
}

/** A Person Name value as people write it: "Family, Given Middle" from its alphabetic form. */
export function personName(dataset, tag) {
  const pn = first(dataset, tag);
  const alphabetic = typeof pn === 'string' ? pn : pn?.Alphabetic;
  if (!alphabetic) return '';
  const [family = '', given = '', middle = '', prefix = '', suffix = ''] = alphabetic.split('^');
  const rest = [prefix, given, middle, suffix].filter(Boolean).join(' ');
  return rest ? `${family}, ${rest}` : family;
}

/** A DA value (YYYYMMDD) as YYYY-MM-DD; anything else as it is. */
export function date(value) {
  return /^\d{8}$/.test(value ?? '') ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}` : value ?? '';
}

/** A TM value (HHMMSS.frac) as HH:MM(:SS). */
export function time(value) {
  const m = /^(\d{2})(\d{2})?(\d{2})?/.exec(value ?? '');
  return m ? [m[1], m[2], m[3]].filter(Boolean).join(':') : value ?? '';
}

export const TAGS = {
  PatientName: '00100010',
  PatientID: '00100020',
  PatientBirthDate: '00100030',
  PatientSex: '00100040',
  StudyInstanceUID: '0020000D',
  StudyDate: '00080020',
  StudyTime: '00080030',
  AccessionNumber: '00080050',
  ModalitiesInStudy: '00080061',
  StudyDescription: '00081030',
  StudyID: '00200010',
  ReferringPhysicianName: '00080090',
  NumberOfStudyRelatedSeries: '00201206',
  NumberOfStudyRelatedInstances: '00201208',
  SeriesInstanceUID: '0020000E',
  SeriesNumber: '00200011',
  SeriesDescription: '0008103E',
  Modality: '00080060',
  NumberOfSeriesRelatedInstances: '00201209',
  SOPInstanceUID: '00080018',
  SOPClassUID: '00080016',
  InstanceNumber: '00200013',
  NumberOfFrames: '00280008',
  WindowCenter: '00281050',
  WindowWidth: '00281051',
  WindowCenterWidthExplanation: '00281055',
  RetrieveURL: '00081190',
};
