// Languages of a form's texts as XLSForm writes them in column headers: `English (en)`,
// `Français (fr)`, a bare `english`, `العربية`. A code in brackets is the key; a known name gets its
// code, so the device can match the interface language; anything else is kept as written.

/** Names pyxform users write without a code, lower-cased, to their ISO 639-1 code. */
const KNOWN_NAMES: Record<string, string> = {
  english: 'en', anglais: 'en', inglés: 'en', ingles: 'en',
  french: 'fr', français: 'fr', francais: 'fr', francés: 'fr', frances: 'fr',
  spanish: 'es', español: 'es', espanol: 'es', espagnol: 'es', castellano: 'es',
  portuguese: 'pt', português: 'pt', portugues: 'pt',
  arabic: 'ar', العربية: 'ar', عربي: 'ar', arabe: 'ar',
  swahili: 'sw', kiswahili: 'sw',
  hebrew: 'he', עברית: 'he',
  persian: 'fa', farsi: 'fa', فارسی: 'fa',
  urdu: 'ur', اردو: 'ur',
  pashto: 'ps', پښتو: 'ps',
  dari: 'prs',
  kurdish: 'ku', sorani: 'ckb',
  somali: 'so', amharic: 'am', hausa: 'ha', yoruba: 'yo', igbo: 'ig', wolof: 'wo', fulfulde: 'ff', lingala: 'ln', kinyarwanda: 'rw',
  hindi: 'hi', bengali: 'bn', bangla: 'bn', nepali: 'ne', burmese: 'my', russian: 'ru', ukrainian: 'uk', turkish: 'tr',
  chinese: 'zh', german: 'de', deutsch: 'de', italian: 'it', italiano: 'it', indonesian: 'id', tagalog: 'tl', vietnamese: 'vi', thai: 'th',
};

/** Codes written right to left. */
const RTL_CODES = new Set(['ar', 'he', 'iw', 'fa', 'prs', 'ur', 'ps', 'ckb', 'ku-arab', 'yi', 'dv', 'sd', 'ug', 'syr']);

/** The key a language is stored under: its code in brackets, a known name's code, else the name as written. */
export function languageKey(written: string): string {
  const text = written.trim();
  const coded = /\(\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\s*\)\s*$/.exec(text);
  if (coded) return coded[1]!.replace('_', '-').replace(/^[A-Za-z]+/, (c) => c.toLowerCase());
  const known = KNOWN_NAMES[text.toLowerCase()];
  if (known) return known;
  // A bare code (`en`, `EN`, `pt-BR`): the language part lower-cased, as in brackets.
  if (/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(text)) return text.replace('_', '-').replace(/^[A-Za-z]+/, (c) => c.toLowerCase());
  return text;
}

/** Whether texts in this language (a key from languageKey) are laid out right to left. */
export function isRightToLeft(key: string): boolean {
  const lower = key.toLowerCase();
  if (RTL_CODES.has(lower) || RTL_CODES.has(lower.split('-')[0]!)) return true;
  // A name kept as written: right-to-left if written in a right-to-left script.
  return /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(key);
}

/** A language's name to show in a language switch. */
export function languageName(key: string): string {
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(key)) return key;
  try {
    const own = new Intl.DisplayNames([key], { type: 'language' }).of(key);
    return own && own !== key ? own : key;
  } catch {
    return key;
  }
}
