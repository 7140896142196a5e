// The settings sheet: form id, title, default language, sex question; others reported, not dropped.
import type { Report } from './report';
import type { Sheet } from './sheets';

/** What the settings sheet gives. */
export interface Settings {
  readonly formId?: string;
  readonly title?: string;
  readonly version?: string;
  readonly defaultLanguage?: string;
  readonly sexQuestion?: string;
  readonly row?: number;
}

const ALIASES: Record<string, string> = { 'set form title': 'form_title', 'set form id': 'form_id', id_string: 'form_id', title: 'form_title' };
/** Settings that change nothing a person filling the form sees on Fieldbook. */
const HARMLESS = new Set(['instance_name', 'xml_root', 'namespaces', 'public_key', 'submission_url', 'auto_send', 'auto_delete', 'style', 'prefix', 'delimiter', 'clean_text_values', 'allow_choice_duplicates', 'omit_instanceid', 'instance_xmlns', 'sms_keyword', 'sms_separator', 'sms_allow_media', 'sms_date_format', 'sms_datetime_format', 'sms_response']);

/** A form_id made kebab-case: `HouseholdSurvey_v2` → `household-survey-v2`. */
export function kebabCase(text: string): string {
  const words = text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const id = words.join('-').slice(0, 100).replace(/-+$/, '');
  return id === '' ? '' : /^[a-z]/.test(id) ? id : `form-${id}`.slice(0, 100);
}

/** Reads the settings sheet's first row. */
export function readSettings(sheet: Sheet | undefined, report: Report): Settings {
  if (!sheet || sheet.rows.length === 0) return {};
  const row = sheet.rows[0]!;
  const get = (key: string) => {
    const column = sheet.columns.find((c) => (ALIASES[c.key] ?? c.key) === key);
    return column ? (row.cells[column.index] ?? '') : '';
  };
  for (const c of sheet.columns) {
    const key = ALIASES[c.key] ?? c.key;
    if (['form_id', 'form_title', 'version', 'default_language', 'sex_question'].includes(key) || (row.cells[c.index] ?? '') === '') continue;
    report.warn(sheet.name, row.row, c.header, HARMLESS.has(key) ? `the setting \`${c.header}\` does not change anything on Fieldbook; it is ignored` : `the setting \`${c.header}\` is not one Fieldbook knows; it is ignored`);
  }
  const version = get('version');
  if (version !== '') report.warn(sheet.name, row.row, 'version', `the server numbers versions itself (1, 2, 3 …); the version \`${version}\` is kept only as a note here`);
  const out: { -readonly [K in keyof Settings]: Settings[K] } = { row: row.row };
  const put = (key: Exclude<keyof Settings, 'row'>, value: string) => {
    if (value !== '') out[key] = value;
  };
  put('formId', get('form_id'));
  put('title', get('form_title'));
  put('version', version);
  put('defaultLanguage', get('default_language'));
  put('sexQuestion', get('sex_question'));
  return out;
}
