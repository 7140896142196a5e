// The `type` column as pyxform reads it (question_type_dictionary.py, aliases.py): every spelling
// mapped to a Fieldbook type, or to a plain sentence saying why it is not supported yet.
import type { QuestionType } from '../schema';

/** What one `type` cell means. */
export type ParsedType =
  | { kind: 'question'; type: QuestionType; listName?: string; orOther?: boolean; appearance?: string; xlsformType?: MappedType }
  | { kind: 'begin'; of: 'group' | 'repeat' }
  | { kind: 'end'; of: 'group' | 'repeat' }
  /** A metadata row Fieldbook does not record: skipped, with a warning. */
  | { kind: 'skip'; why: string }
  | { kind: 'refused'; why: string };

/** XLSForm types held as one of Fieldbook's own (docs/forms.md): the question remembers which, for the export. */
export type MappedType = 'barcode' | 'hidden' | 'range';

/**
 * pyxform's `barcode` is a text input (a USB scanner types into it), `hidden` a value with no
 * control (a calculate holding its default), `range` an int or decimal bound by its parameters
 * (survey.ts makes it a `number` when a parameter has decimals).
 */
const MAPPED: Record<string, { type: QuestionType; xlsformType: MappedType }> = {
  barcode: { type: 'text', xlsformType: 'barcode' },
  'add barcode prompt': { type: 'text', xlsformType: 'barcode' },
  hidden: { type: 'calculate', xlsformType: 'hidden' },
  range: { type: 'integer', xlsformType: 'range' },
};

const SIMPLE: Record<string, QuestionType> = {
  text: 'text',
  string: 'text',
  integer: 'integer',
  int: 'integer',
  decimal: 'number',
  date: 'date',
  time: 'time',
  datetime: 'datetime',
  note: 'note',
  calculate: 'calculate',
  acknowledge: 'acknowledge',
  trigger: 'acknowledge',
  start: 'start',
  end: 'end',
  today: 'today',
  deviceid: 'deviceid',
  imei: 'deviceid',
  username: 'username',
  // Locations in ODK's text form (docs/forms.md, Locations).
  geopoint: 'geopoint',
  geotrace: 'geotrace',
  geoshape: 'geoshape',
  // Files the person chooses or captures (docs/attachments.md); `photo` is pyxform's older name for an image.
  image: 'image',
  photo: 'image',
  'add image prompt': 'image',
  'add photo prompt': 'image',
  audio: 'audio',
  'add audio prompt': 'audio',
  video: 'video',
  'add video prompt': 'video',
  file: 'file',
  'add file prompt': 'file',
  // Fieldbook's own types, which its XLSForm export writes for the original format (docs/forms.md).
  yesno: 'yesno',
  likert: 'likert',
  longtext: 'longtext',
};

/** Metadata ODK phones once gave and Fieldbook has no source for. */
const UNRECORDED = new Set(['simserial', 'subscriberid', 'phonenumber', 'email', 'audit', 'uri:email', 'uri:phonenumber', 'uri:simserial', 'uri:subscriberid', 'uri:username', 'uri:deviceid']);

/** Types that collect what Fieldbook cannot collect yet (places taken unasked, codes) or features not built. */
const NOT_YET: Record<string, string> = {
  'start-geopoint': 'a location',
  'start-geotrace': 'a line on a map',
  rank: 'a ranking',
  'xml-external': 'an external data file',
  'csv-external': 'an external data file',
  osm: 'a map feature',
};

const SELECT_ONE = ['select_one', 'select one', 'select1', 'select one from', 'add select one prompt using'];
const SELECT_MULTIPLE = ['select_multiple', 'select multiple', 'select all that apply', 'select all that apply from', 'select multiple from', 'add select multiple prompt using'];
const FROM_FILE = ['select_one_from_file', 'select_multiple_from_file', 'select one from file', 'select multiple from file', 'select_one_external'];

/** The meaning of a `type` cell (trimmed; case and spaces as pyxform allows). */
export function parseType(cell: string): ParsedType {
  const text = cell.trim().replace(/\s+/g, ' ');
  const lower = text.toLowerCase();
  const control = /^(begin|end)[ _](group|repeat|loop|looped group|lgroup)$/.exec(lower);
  if (control) return { kind: control[1] === 'begin' ? 'begin' : 'end', of: control[2] === 'group' ? 'group' : 'repeat' };
  if (lower in SIMPLE) return { kind: 'question', type: SIMPLE[lower]! };
  if (lower in MAPPED) return { kind: 'question', ...MAPPED[lower]! };
  if (lower === 'background-audio') return { kind: 'refused', why: `type \`${text}\` (a recording made in the background while the form is filled) is not supported: Fieldbook records only the files the person chooses; use an \`audio\` question` };
  if (UNRECORDED.has(lower)) return { kind: 'skip', why: `type \`${text}\` is metadata Fieldbook does not record; the row is left out` };
  if (lower in NOT_YET) return { kind: 'refused', why: `type \`${text}\` (${NOT_YET[lower]}) is not supported yet` };
  if (lower === 'osm' || lower.startsWith('osm ')) return { kind: 'refused', why: `type \`${text}\` (a map feature) is not supported yet` };
  for (const prefix of FROM_FILE) {
    if (lower === prefix || lower.startsWith(`${prefix} `)) return { kind: 'refused', why: `type \`${text}\`: choices from a file are not supported yet; put the choices on the choices sheet` };
  }
  for (const [prefixes, type] of [
    [SELECT_ONE, 'single'],
    [SELECT_MULTIPLE, 'multi'],
  ] as const) {
    // Longest spelling first, so "select one from X" is not read as "select one" of list "from X".
    for (const prefix of [...prefixes].sort((a, b) => b.length - a.length)) {
      if (!lower.startsWith(`${prefix} `)) continue;
      const words = text.slice(prefix.length).trim().split(' ');
      let orOther = false;
      if (words.length === 2 && words[1]!.toLowerCase() === 'or_other') {
        orOther = true;
        words.pop();
      }
      if (words.length !== 1 || words[0] === '') return { kind: 'refused', why: `type \`${text}\` should be \`${prefix} \` followed by one choice list name (and optionally \`or_other\`)` };
      return { kind: 'question', type, listName: words[0]!, ...(orOther ? { orOther } : {}) };
    }
    if (prefixes.includes(lower)) return { kind: 'refused', why: `type \`${text}\` needs the name of a choice list after it, as in \`${lower} yes_no\`` };
  }
  return { kind: 'refused', why: `type \`${text}\` is not an XLSForm type Fieldbook knows` };
}
