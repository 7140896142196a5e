// Every interface text exists in French and Spanish: the keys are found by scanning the source
// for t() and tn() (gettext style, English text as the key), so a string added in English only,
// a translation left behind by a changed English text, or a call no scanner could read fails here.
import { describe, expect, it } from 'vitest';
import { LIKERT_WORDS, YESNO_WORDS } from '../../src/forms/choice-words';
import { LOCALES } from '../../src/forms/locale';
import { ENGLISH_MESSAGES, type ValidationMessages } from '../../src/forms/messages';
import { SPANISH_MESSAGES } from '../../src/forms/translations/messages-es';
import { FRENCH_MESSAGES } from '../../src/forms/translations/messages-fr';
import { es } from '../../src/i18n/es';
import { fr } from '../../src/i18n/fr';
import type { Catalog } from '../../src/i18n/index';
import { scanSource, scanUiStrings, slotsOf } from '../helpers/ui-strings';

const CATALOGS = [
  ['fr', fr],
  ['es', es],
] as const satisfies readonly (readonly [string, Catalog])[];

const scan = scanUiStrings(process.cwd());
const keys = new Map<string, { plural?: string; files: Set<string> }>();
for (const s of scan.strings) {
  const entry = keys.get(s.key) ?? { plural: s.plural, files: new Set() };
  entry.files.add(s.file);
  keys.set(s.key, entry);
}

// Words a language writes exactly as English does, checked one by one.
const SAME_AS_ENGLISH: Record<string, string[]> = { fr: ['Actions', 'Pages', 'Question'], es: ['PIN'] };
/** A text made only of slots and punctuation ("{label}: {value}") may read the same in any language. */
const onlySlots = (text: string) => text.replace(/\{\w+\}/g, '').replace(/[\s,.:;()]/g, '') === '';

describe('the scanner', () => {
  it('finds the interface texts, and every call passes literals', () => {
    expect(scan.nonLiteral).toEqual([]);
    expect(keys.size).toBeGreaterThan(200);
    expect(keys.get('Send now')?.files).toContain('src/ui/SyncStatus.tsx');
    expect(keys.get('{n} draft')?.plural).toBe('{n} drafts');
  });

  it('reports a call it cannot read, and ignores methods and longer names', () => {
    const found = scanSource('x.tsx', "t(label); tn(n, words, 'x'); t(`tpl`); x.t(y); set(z); t('ok', { a }); tn(f(a), 'one', \"two\");");
    expect(found.nonLiteral).toHaveLength(3);
    expect(found.strings).toEqual([
      { file: 'x.tsx', key: 'ok' },
      { file: 'x.tsx', key: 'one', plural: 'two' },
    ]);
  });

  it('uses each key one way only: a text or a plural, with one English plural', () => {
    const plurals = new Map<string, Set<string | undefined>>();
    for (const s of scan.strings) plurals.set(s.key, (plurals.get(s.key) ?? new Set()).add(s.plural));
    const mixed = [...plurals].filter(([, forms]) => forms.size > 1).map(([key]) => key);
    expect(mixed).toEqual([]);
  });
});

describe.each(CATALOGS)('the %s interface catalog', (locale, catalog) => {
  it('translates every interface text', () => {
    const missing = [...keys.keys()].filter((key) => catalog[key] === undefined);
    expect(missing).toEqual([]);
  });

  it('holds no text the interface no longer uses', () => {
    expect(Object.keys(catalog).filter((key) => !keys.has(key))).toEqual([]);
  });

  it('gives a text for a text and both plural forms for a plural', () => {
    for (const [key, { plural }] of keys) {
      const words = catalog[key];
      if (plural === undefined) expect(typeof words, key).toBe('string');
      else expect(words, key).toMatchObject({ one: expect.any(String), other: expect.any(String) });
    }
  });

  it('keeps every {slot} of the English, and adds none', () => {
    for (const [key, { plural }] of keys) {
      const words = catalog[key];
      if (words === undefined) continue;
      if (typeof words === 'string') {
        expect(slotsOf(words), key).toEqual(slotsOf(key));
        continue;
      }
      const english = new Set([...slotsOf(key), ...slotsOf(plural ?? '')]);
      for (const form of Object.values(words)) for (const slot of slotsOf(form)) expect(english, `${key} → ${form}`).toContain(slot);
      expect(slotsOf(words.other), key).toEqual(slotsOf(plural ?? key));
    }
  });

  it('is written in the language, not copied from the English', () => {
    const copied = Object.entries(catalog)
      .filter(([key, words]) => words === key && !onlySlots(key))
      .map(([key]) => key);
    expect(copied.sort()).toEqual([...(SAME_AS_ENGLISH[locale] ?? [])].sort());
  });

  it('has no empty text', () => {
    for (const [key, words] of Object.entries(catalog)) {
      for (const form of typeof words === 'string' ? [words] : Object.values(words)) expect(form.trim(), key).not.toBe('');
    }
  });
});

describe('typography', () => {
  const texts = (catalog: Catalog) => Object.values(catalog).flatMap((w) => (typeof w === 'string' ? [w] : Object.values(w)));

  it('puts a no-break space before French ? ! ; : and inside « », and uses the typographic apostrophe', () => {
    for (const words of texts(fr)) {
      expect(words.replaceAll('://', ''), words).not.toMatch(/(?<![\u00a0\u202f])[?!;:»]/);
      expect(words).not.toMatch(/«(?![\u00a0\u202f])/);
      expect(words).not.toContain("'");
    }
  });

  it('opens every Spanish question with ¿ and puts no space before punctuation', () => {
    for (const words of texts(es)) {
      if (words.includes('?')) expect(words).toContain('¿');
      expect(words).not.toMatch(/\s[?!;:.,]/);
    }
  });
});

describe('the shared answer words and validation messages', () => {
  it('name yes, no and the five Likert points in every language', () => {
    for (const locale of LOCALES) {
      expect(Object.keys(YESNO_WORDS[locale]).sort()).toEqual(['no', 'yes']);
      expect(LIKERT_WORDS[locale]).toHaveLength(5);
      if (locale === 'en') continue;
      expect(LIKERT_WORDS[locale].filter((w, i) => w === LIKERT_WORDS.en[i])).toEqual([]);
      expect(YESNO_WORDS[locale].yes).not.toBe(YESNO_WORDS.en.yes);
    }
  });

  it.each([
    ['fr', FRENCH_MESSAGES],
    ['es', SPANISH_MESSAGES],
  ] as const)('gives every validation message in %s', (_locale, messages: ValidationMessages) => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(ENGLISH_MESSAGES).sort());
    for (const key of Object.keys(ENGLISH_MESSAGES) as (keyof ValidationMessages)[]) {
      const english = ENGLISH_MESSAGES[key];
      const words = messages[key];
      const [a, b] = typeof english === 'function' && typeof words === 'function' ? [english(3, 3), words(3, 3)] : [english, words];
      expect(typeof b, key).toBe('string');
      expect(b, key).not.toBe(a);
      if (typeof english === 'function' && typeof words === 'function') expect(words(3, 3), key).toMatch(/\b3\b/);
    }
  });
});
