// The French and Spanish packs of the built-in forms: complete, current, applied without
// touching the English, and written with each language's terms and typography.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { genderSensitivity } from '../../src/forms/definitions/gender-sensitivity';
import { gfpConstraints } from '../../src/forms/definitions/gfp-constraints';
import { projectQuestionnaire } from '../../src/forms/definitions/project-questionnaire';
import { workshopFeedback } from '../../src/forms/definitions/workshop-feedback';
import { FORMS, findForm } from '../../src/forms/index';
import { parseForm } from '../../src/forms/load';
import { allLanguageForms } from '../../src/forms/multilingual';
import { questionsOf, type Form, type Question, type Text } from '../../src/forms/schema';
import { textIn } from '../../src/forms/texts';
import { loadFormTranslations, missingTranslations, translateForm } from '../../src/forms/translations/apply';
import { es } from '../../src/forms/translations/es';
import { fr } from '../../src/forms/translations/fr';
import {
  FormsTranslationSchema,
  type FormsTranslation,
  type QuestionTranslation,
  type TranslatedLocale,
} from '../../src/forms/translations/types';

const PACKS = [
  ['fr', fr],
  ['es', es],
] as const satisfies readonly (readonly [TranslatedLocale, FormsTranslation])[];

/** One text of a form, with its path (as `missingTranslations` names it) and the pack's words for it. */
interface Entry {
  path: string;
  text: Text;
  words: string | undefined;
}

function entries(form: Form, pack?: FormsTranslation): Entry[] {
  const t = pack?.[form.id];
  const out: Entry[] = [{ path: `${form.id}/title`, text: form.title, words: t?.title }];
  for (const s of form.sections) {
    out.push({ path: `${form.id}/sections/${s.id}`, text: s.title, words: t?.sections[s.id] });
    for (const q of s.questions) {
      const qt = t?.questions[q.id];
      const at = `${form.id}/questions/${q.id}`;
      out.push({ path: `${at}/label`, text: q.label ?? q.id, words: qt?.label });
      if (q.hint !== undefined) out.push({ path: `${at}/hint`, text: q.hint, words: qt?.hint });
      for (const o of q.options ?? []) out.push({ path: `${at}/options/${o.id}`, text: o.label, words: qt?.options?.[o.id] });
    }
  }
  return out;
}

function english(text: Text): string {
  return typeof text === 'string' ? text : text['en']!;
}

function form(id: string): Form {
  const found = findForm(id);
  if (!found) throw new Error(`no built-in form "${id}"`);
  return found;
}

function question(f: Form, id: string): Question {
  const found = questionsOf(f).find((q) => q.id === id);
  if (!found) throw new Error(`no question "${id}" in "${f.id}"`);
  return found;
}

// Words that are the same in English and in the translation, checked one by one.
const SAME_AS_ENGLISH: Record<TranslatedLocale, string[]> = { fr: ['Date', 'Europe', 'Grade'], es: [] };

// IOM's established terms: wherever the English uses the term, the translation uses IOM's.
const GLOSSARY: [RegExp, Record<TranslatedLocale, RegExp>][] = [
  [/gender focal point/i, { fr: /points? foca(l|ux) pour les questions de genre/, es: /puntos? focal(es)? de género/ }],
  [/gender mainstream/i, { fr: /perspective de genre/, es: /perspectiva de género/ }],
  [/headquarters/i, { fr: /Siège/, es: /Sede/ }],
  [/\bfield\b/i, { fr: /terrain/i, es: /terreno/i }],
  [/chief of mission/i, { fr: /chef de mission/, es: /jef[ea] de misión/ }],
  [/\bIOM\b/, { fr: /\bOIM\b/, es: /\bOIM\b/ }],
];

describe.each(PACKS)('the %s pack', (locale, pack) => {
  it('has the shape of a pack and covers exactly the built-in forms', () => {
    const parsed = FormsTranslationSchema.safeParse(pack);
    expect(parsed.success, parsed.error?.message).toBe(true);
    expect(Object.keys(pack).sort()).toEqual(FORMS.map((f) => f.id).sort());
  });

  it.each(FORMS.map((f) => [f.id, f] as const))('translates every text of %s, and nothing else', (_id, f) => {
    expect(missingTranslations(f, pack)).toEqual([]);
  });

  it.each(FORMS.map((f) => [f.id, f] as const))('leaves %s a valid form that reads in both languages', (_id, f) => {
    const translated = translateForm(f, locale, pack);
    expect(parseForm(translated)).toEqual(translated);
    for (const [before, after] of entries(f, pack).map((e, i) => [e, entries(translated)[i]] as const)) {
      expect(after?.path).toBe(before.path);
      expect(textIn(after?.text ?? '', locale), before.path).toBe(before.words);
      expect(textIn(after?.text ?? '', 'en'), before.path).toBe(english(before.text));
    }
  });

  it('is written in the language, not copied from the English', () => {
    const copied = FORMS.flatMap((f) => entries(f, pack)).filter((e) => e.words === english(e.text));
    expect([...new Set(copied.map((e) => e.words))].sort()).toEqual([...SAME_AS_ENGLISH[locale]].sort());
  });

  it('keeps every number of the English (years, months, percentages, examples)', () => {
    for (const e of FORMS.flatMap((f) => entries(f, pack))) {
      for (const n of english(e.text).match(/\d+/g) ?? []) expect(e.words, e.path).toMatch(new RegExp(`\\b${n}\\b`));
    }
  });

  it.each(GLOSSARY)('renders %s with the established term', (term, rendering) => {
    const uses = FORMS.flatMap((f) => entries(f, pack)).filter((e) => term.test(english(e.text)));
    expect(uses.length).toBeGreaterThan(0);
    for (const e of uses) expect(e.words, e.path).toMatch(rendering[locale]);
  });
});

describe('typography', () => {
  const frWords = FORMS.flatMap((f) => entries(f, fr)).map((e) => e.words ?? '');
  const esWords = FORMS.flatMap((f) => entries(f, es)).map((e) => e.words ?? '');

  it('puts a no-break space before French ? ! ; : and inside « »', () => {
    for (const words of frWords) {
      expect(words).not.toMatch(/(?<![\u00a0\u202f])[?!;:»]/);
      expect(words).not.toMatch(/«(?!\u00a0)/);
    }
    expect(textIn(question(translateForm(form('gender-sensitivity'), 'fr', fr), 'duty_station').label, 'fr')).toBe(
      'Travaillez-vous au Siège ou sur le terrain\u202f?',
    );
  });

  it('uses the typographic apostrophe in French', () => {
    for (const words of frWords) expect(words).not.toContain("'");
    expect(frWords.some((w) => w.includes('’'))).toBe(true);
  });

  it('opens every Spanish question with ¿ and puts no space before punctuation', () => {
    for (const words of esWords) {
      if (words.includes('?')) expect(words).toContain('¿');
      expect(words).not.toMatch(/\s[?!;:.,]/);
    }
  });
});

describe('all languages together', () => {
  const SOURCES = new Map(
    [projectQuestionnaire, genderSensitivity, workshopFeedback, gfpConstraints].map((d) => [d.id, parseForm(d)]),
  );

  it('gives every text of every form {en, fr, es}, with the English untouched', async () => {
    const forms = await allLanguageForms();
    expect(forms.map((f) => f.id)).toEqual(FORMS.map((f) => f.id));
    for (const f of forms) {
      const source = SOURCES.get(f.id);
      if (!source) throw new Error(`no definition for "${f.id}"`);
      const sourceTexts = entries(source);
      const texts = entries(f);
      expect(texts.map((e) => e.path)).toEqual(sourceTexts.map((e) => e.path));
      texts.forEach((e, i) => {
        expect(typeof e.text === 'object' && Object.keys(e.text).sort(), e.path).toEqual(['en', 'es', 'fr']);
        expect(english(e.text), e.path).toBe(sourceTexts[i]?.text);
      });
      expect(parseForm(f)).toEqual(f);
    }
  });

  it('keeps the wording of Annex II verbatim in English', async () => {
    const forms = await allLanguageForms();
    const annex = forms.find((f) => f.id === 'project-questionnaire');
    if (!annex) throw new Error('no project questionnaire');
    const label = question(annex, 'q5_balanced_impact').label;
    expect(textIn(label, 'en')).toBe('Do you think there was a balanced impact on men and women in your project?');
    expect(textIn(label, 'fr')).toBe('Pensez-vous que votre projet ait eu un impact équilibré sur les hommes et sur les femmes\u202f?');
    expect(textIn(label, 'es')).toBe('¿Considera que su proyecto tuvo un impacto equilibrado en los hombres y en las mujeres?');
    expect(textIn(question(annex, 'q4_lessons_learned').label, 'en')).toMatch(/^As the main objectives .* what were the lessons learned in this context\?$/);
  });

  it('gives the same result whichever pack is applied first', () => {
    for (const f of FORMS) {
      expect(translateForm(translateForm(f, 'es', es), 'fr', fr)).toEqual(translateForm(translateForm(f, 'fr', fr), 'es', es));
    }
  });
});

describe('translateForm', () => {
  const f = form('gender-sensitivity');

  it('does not change the form it is given', () => {
    const before = JSON.stringify(f);
    translateForm(translateForm(f, 'fr', fr), 'es', es);
    expect(JSON.stringify(f)).toBe(before);
  });

  it('replaces the words of its own language and keeps the others', () => {
    const stale = translateForm(f, 'fr', { [f.id]: { title: 'Ancien titre', sections: {}, questions: {} } });
    const withSpanish = translateForm(stale, 'es', es);
    const refreshed = translateForm(withSpanish, 'fr', fr);
    expect(refreshed.title).toEqual({ en: 'Staff gender sensitivity survey', fr: fr[f.id]?.title, es: es[f.id]?.title });
  });

  it('leaves a text the pack lacks as it was, so the English shows instead', () => {
    const translated = translateForm(f, 'fr', {});
    expect(translated).toEqual(f);
    expect(textIn(question(translated, 'sex').label, 'fr')).toBe('Sex');
  });
});

describe('missingTranslations', () => {
  const f = form('gender-sensitivity');
  const broken = (): FormsTranslation => structuredClone(fr);
  const gs = (pack: FormsTranslation) => {
    const t = pack[f.id];
    if (!t) throw new Error('no gender-sensitivity in the pack');
    return t;
  };

  it('reports a removed label and a stale key, and the app falls back to English for the label', () => {
    const pack = broken();
    delete (gs(pack).questions.years_of_service as Partial<QuestionTranslation>).label;
    gs(pack).questions.no_such_question = { label: 'Question fantôme' };
    expect(missingTranslations(f, pack)).toEqual([
      'gender-sensitivity/questions/years_of_service/label',
      'gender-sensitivity/questions/no_such_question (stale)',
    ]);
    const label = question(translateForm(f, 'fr', pack), 'years_of_service').label;
    expect(textIn(label, 'fr')).toBe('Years of service with the Organization');
  });

  it.each<[string, (pack: FormsTranslation) => void, string[]]>([
    ['an empty title', (p) => void (gs(p).title = ''), ['gender-sensitivity/title']],
    ['a removed section title', (p) => void delete gs(p).sections.views, ['gender-sensitivity/sections/views']],
    ['a removed hint', (p) => void delete gs(p).questions.years_of_service?.hint, ['gender-sensitivity/questions/years_of_service/hint']],
    ['a removed option', (p) => void delete gs(p).questions.duty_station?.options?.field, ['gender-sensitivity/questions/duty_station/options/field']],
    ['a section that is gone', (p) => void (gs(p).sections.old = 'Ancienne section'), ['gender-sensitivity/sections/old (stale)']],
    ['an option that is gone', (p) => void (gs(p).questions.grade!.options!.intern = 'Stagiaire'), ['gender-sensitivity/questions/grade/options/intern (stale)']],
    ['a hint the English does not have', (p) => void (gs(p).questions.is_gender_focal_point!.hint = 'Indice'), ['gender-sensitivity/questions/is_gender_focal_point/hint (stale)']],
  ])('reports %s', (_what, breakIt, expected) => {
    const pack = broken();
    breakIt(pack);
    expect(missingTranslations(f, pack)).toEqual(expected);
  });

  it('reports every text of a form the pack does not know', () => {
    const paths = missingTranslations(f, {});
    expect(paths).toEqual(entries(f).map((e) => e.path));
    expect(paths).toContain('gender-sensitivity/questions/years_of_service/hint');
  });
});

describe('loading', () => {
  it('loads each pack on demand', async () => {
    expect(await loadFormTranslations('fr')).toBe(fr);
    expect(await loadFormTranslations('es')).toBe(es);
  });

  it('imports the packs only dynamically, so each language stays its own chunk', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));
    const src = resolve(process.cwd(), 'src');
    const staticImports = files(src)
      .filter((path) => /\.tsx?$/.test(path) && !/translations[/\\](fr|es)\.ts$/.test(path))
      .filter((path) => /^\s*import\s[^;]*from\s+['"][^'"]*\/(fr|es)['"]/m.test(readFileSync(path, 'utf8')));
    expect(staticImports).toEqual([]);
    expect(readFileSync(join(src, 'forms/translations/apply.ts'), 'utf8')).toMatch(/import\('\.\/fr'\)[\s\S]*import\('\.\/es'\)/);
  });
});
