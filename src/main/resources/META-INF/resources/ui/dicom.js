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
  PhotometricInterpretation: '00280004',
  VOILUTFunction: '00281056',
};

/** "(gggg,eeee)" for a tag of 8 hex digits. */
export function tagText(tag) {
  return `(${tag.slice(0, 4)},${tag.slice(4)})`;
}

/** Whether a tag (8 hex digits) is private: an odd group (PS3.5 §7.8). */
export function isPrivate(tag) {
  return parseInt(tag.slice(3, 4), 16) % 2 === 1;
}

let dictionary = null;

/**
 * The keyword of each standard tag (PS3.6), from the server's own data dictionary (the table its codec reads,
 * served at dictionary.tsv next to the console's files), loaded once. Answers a function from a tag (8 hex
 * digits) to its keyword, or '' when the tag is not in the dictionary. Repeating groups such as (60xx,3000)
 * are entries with x in place of a hex digit.
 */
export function keywords() {
  dictionary ??= (async () => {
    const response = await fetch('dictionary.tsv');
    if (!response.ok) throw new Error(`The data dictionary could not be read: ${response.status}`);
    const exact = new Map();
    const masked = [];
    for (const line of (await response.text()).split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [pattern, , , , keyword] = line.split('\t');
      if (!keyword) continue;
      if (pattern.includes('x')) {
        masked.push({
          mask: parseInt(pattern.replace(/[0-9A-Fa-f]/g, 'F').replaceAll('x', '0'), 16),
          value: parseInt(pattern.replaceAll('x', '0'), 16),
          keyword,
        });
      } else {
        exact.set(pattern.toUpperCase(), keyword);
      }
    }
    return (tag) => {
      const upper = tag.toUpperCase();
      const known = exact.get(upper);
      if (known) return known;
      const n = parseInt(upper, 16);
      for (const m of masked) if (((n & m.mask) >>> 0) === m.value) return m.keyword;
      return '';
    };
  })();
  dictionary.catch(() => (dictionary = null));
  return dictionary;
}

/** One Person Name value (PS3.18 §F.2.2) as written in DICOM: its groups joined with '='. */
export function personNameText(value) {
  if (typeof value === 'string') return value;
  if (!value) return '';
  const groups = [value.Alphabetic ?? '', value.Ideographic ?? '', value.Phonetic ?? ''];
  while (groups.length > 1 && !groups[groups.length - 1]) groups.pop();
  return groups.join('=');
}
