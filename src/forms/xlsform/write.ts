// A Fieldbook form as XLSForm sheets (survey, choices, settings), written so that the importer
// (import.ts) reads back the identical definition: sections become top-level groups, the original
// format's types and rules use Fieldbook's own spellings (docs/forms.md, "XLSForm export"). Pure.
import { canonicalJson } from '../../export/canonical-json';
import { itemsOf, type Form, type Option, type Question, type Text } from '../schema';
import { languageKey, languageName } from './languages';
import { encodeXlsx } from './xlsx-file';

/** The sheets of a workbook in order, each a list of rows of text cells (row 1 is the header). */
export type SheetRows = { readonly name: string; readonly rows: string[][] }[];

const TYPE: Partial<Record<Question['type'], string>> = { number: 'decimal', datetime: 'dateTime', single: 'select_one', multi: 'select_multiple' };

/** Translatable survey columns, in the order written. */
const TEXTS = ['label', 'hint', 'required_message', 'constraint_message'] as const;
/** The other survey columns, each written only when some row fills it. */
const PLAIN = ['required', 'relevant', 'constraint', 'calculation', 'default', 'read_only', 'choice_filter', 'appearance', 'parameters', 'min', 'max', 'repeat_count'] as const;
type Plain = (typeof PLAIN)[number];

/** How the texts of a form are laid out in columns. */
interface Layout {
  /** Language keys with a column each, or undefined for one unnamed column. */
  readonly languages: readonly string[] | undefined;
  readonly fallback: string;
}

/** A language's column suffix: `English (en)` for a code (read back as `en`), else the key as written. */
function header(base: string, key: string | undefined): string {
  if (key === undefined) return base;
  const name = languageName(key);
  const written = name !== key && languageKey(`${name} (${key})`) === key ? `${name} (${key})` : key;
  return `${base}::${written}`;
}

/** A text in one column's language ('' when it has none there). */
function textIn(text: Text | undefined, key: string | undefined, layout: Layout): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return key === undefined || key === layout.fallback ? text : '';
  if (key === undefined) return text[layout.fallback] ?? Object.values(text)[0] ?? '';
  return text[key] ?? '';
}

/** What pyxform's or_other adds on import (survey.ts addOther), for the writer to leave out. */
function otherWord(english: string, layout: Layout): Text {
  return layout.languages ? Object.fromEntries(layout.languages.map((k) => [k, english])) : english;
}

/** The language keys of the form's texts given as objects, in order of appearance. */
function textKeys(form: Form): string[] {
  const items = [...itemsOf(form)].map((x) => x.item);
  const texts = [form.title, ...form.sections.map((s) => s.title), ...items.flatMap((q) => [q.label, q.hint, q.requiredMessage, q.constraintMessage, ...(q.options ?? []).map((o) => o.label)])];
  return [...new Set(texts.flatMap((t) => (typeof t === 'object' ? Object.keys(t) : [])))];
}

/** Equal as data, whatever the order of keys. */
const same = (a: unknown, b: unknown) => a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b);

/** The survey's and choices' rows of a form (pure: model → sheets). */
export function formToSheets(form: Form): SheetRows {
  const translated = textKeys(form);
  const multilingual = form.languages !== undefined ? form.languages.length > 1 || translated.length > 0 : translated.length > 0;
  // A JSON form with texts in several languages but no `languages` keeps them all (it gains `languages` on import).
  const languages = form.languages ?? (translated.includes('en') ? ['en', ...translated.filter((k) => k !== 'en')] : translated);
  const layout: Layout = { languages: multilingual ? languages : undefined, fallback: form.defaultLanguage ?? languages[0] ?? 'en' };
  const keys = layout.languages ?? [undefined];

  type Entry = { type: string; name: string; texts: Partial<Record<(typeof TEXTS)[number], Text>>; plain: Partial<Record<Plain, string>> };
  const entries: Entry[] = [];
  const lists = new Map<string, readonly Option[]>();

  const listFor = (q: Question, options: readonly Option[]): string => {
    const wanted = q.listName ?? q.id;
    let name = wanted;
    // Two questions naming one list with different choices (possible in JSON): the second gets its own list.
    for (let n = 2; lists.has(name) && !same(lists.get(name), options); n++) name = `${wanted}_${n}`;
    lists.set(name, options);
    return name;
  };

  const plainOf = (q: Question): Entry['plain'] => {
    const flag = (v: boolean | string | undefined) => (v === true ? 'yes' : v === false ? 'no' : v);
    const relevant = q.relevant === undefined ? undefined : typeof q.relevant === 'string' ? q.relevant : JSON.stringify(q.relevant);
    const out: Entry['plain'] = {
      required: flag(q.required),
      relevant,
      constraint: q.constraint,
      calculation: q.calculation,
      default: q.default,
      read_only: flag(q.readOnly),
      choice_filter: q.choiceFilter,
      appearance: q.appearance,
      // The parameters a definition holds: an image's downscaling and a range's bounds (parameters.ts reads them back).
      parameters: q.maxPixels !== undefined ? `max-pixels=${q.maxPixels}` : q.range !== undefined ? `start=${q.range.start} end=${q.range.end} step=${q.range.step}` : undefined,
      min: q.min?.toString(),
      max: q.max?.toString(),
      repeat_count: q.repeatCount?.toString(),
    };
    return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
  };

  const writeItems = (items: readonly Question[]) => {
    for (let i = 0; i < items.length; i++) {
      const q = items[i]!;
      if (q.type === 'group' || q.type === 'repeat') {
        entries.push({ type: `begin_${q.type}`, name: q.id, texts: { label: q.label }, plain: plainOf(q) });
        writeItems(q.questions ?? []);
        entries.push({ type: `end_${q.type}`, name: '', texts: {}, plain: {} });
        continue;
      }
      // A range, a barcode and a hidden are held as Fieldbook's number, text and calculate: written back as they came.
      let type = q.range !== undefined ? 'range' : (q.xlsformType ?? TYPE[q.type] ?? q.type);
      if (q.type === 'longtext' && q.appearance?.split(/\s+/).includes('multiline')) type = 'text';
      if ((q.type === 'single' || q.type === 'multi') && q.options) {
        let options = q.options;
        const other: Option = { id: 'other', label: otherWord('Other', layout) };
        if (q.orOther && same(options.at(-1), other)) options = options.slice(0, -1);
        type = `${type} ${listFor(q, options)}${q.orOther ? ' or_other' : ''}`;
        // The `<id>_other` question or_other adds on import.
        const next = items[i + 1];
        if (q.orOther && next && same(next, { id: `${q.id}_other`, type: 'text', label: otherWord('Specify other.', layout), relevant: `selected(\${${q.id}}, 'other')` })) i++;
      }
      entries.push({ type, name: q.id, texts: { label: q.label, hint: q.hint, required_message: q.requiredMessage, constraint_message: q.constraintMessage }, plain: plainOf(q) });
    }
  };
  // Questions the importer gathers into `part_N` sections, titled with the form's title, are written loose.
  const names = new Set([...form.sections.map((s) => s.id).filter((id) => !/^part_\d+$/.test(id)), ...[...itemsOf(form)].map((x) => x.item.id)]);
  let part = 0;
  let looseBefore = false;
  for (const section of form.sections) {
    let expected = `part_${part + 1}`;
    for (let n = part + 1; names.has(expected); ) expected = `part_${++n}`;
    if (!looseBefore && section.id === expected && section.relevant === undefined && same(section.title, form.title)) {
      part = Number(expected.slice(5));
      looseBefore = true;
      writeItems(section.questions);
      continue;
    }
    looseBefore = false;
    entries.push({ type: 'begin_group', name: section.id, texts: { label: section.title }, plain: section.relevant !== undefined ? { relevant: section.relevant } : {} });
    writeItems(section.questions);
    entries.push({ type: 'end_group', name: '', texts: {}, plain: {} });
  }

  // Labels in every language (their order is the form's), other texts and columns only where used.
  const textColumns = TEXTS.flatMap((t) => (t === 'label' || entries.some((e) => e.texts[t] !== undefined) ? keys.map((k) => ({ t, k })) : []));
  const plainColumns = PLAIN.filter((p) => entries.some((e) => e.plain[p] !== undefined));
  const survey = [
    ['type', 'name', ...textColumns.map(({ t, k }) => header(t, k)), ...plainColumns],
    ...entries.map((e) => [e.type, e.name, ...textColumns.map(({ t, k }) => textIn(e.texts[t], k, layout)), ...plainColumns.map((p) => e.plain[p] ?? '')]),
  ];

  const dataKeys = [...new Set([...lists.values()].flatMap((options) => options.flatMap((o) => Object.keys(o.data ?? {}))))];
  const choices = [
    ['list_name', 'name', ...keys.map((k) => header('label', k)), ...dataKeys],
    ...[...lists].flatMap(([list, options]) => options.map((o) => [list, o.id, ...keys.map((k) => textIn(o.label, k, layout)), ...dataKeys.map((d) => o.data?.[d] ?? '')])),
  ];

  const settings: [string, string][] = [
    ['form_id', form.id],
    ['form_title', textIn(form.title, undefined, layout)],
    ...(form.defaultLanguage !== undefined ? ([['default_language', form.defaultLanguage]] as [string, string][]) : []),
    ...(form.sexQuestion !== undefined ? ([['sex_question', form.sexQuestion]] as [string, string][]) : []),
  ];
  return [
    { name: 'survey', rows: survey },
    { name: 'choices', rows: choices },
    { name: 'settings', rows: [settings.map(([k]) => k), settings.map(([, v]) => v)] },
  ];
}

/** A form as the bytes of an XLSForm .xlsx file that publishes back unchanged. */
export function formToXlsx(form: Form): Uint8Array {
  return encodeXlsx(formToSheets(form));
}
