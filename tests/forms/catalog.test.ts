import { expect, it } from 'vitest';
import { FORMS } from '../../src/forms';
import { FORM_CATALOG } from '../../src/forms/catalog';
import { textIn } from '../../src/forms/texts';
import { es } from '../../src/forms/translations/es';
import { fr } from '../../src/forms/translations/fr';

it('the catalog home reads lists exactly the built-in forms, in order, with their titles', () => {
  expect(FORMS.map((f) => ({ id: f.id, title: textIn(f.title, 'en') }))).toEqual(FORM_CATALOG.map((f) => ({ id: f.id, title: f.title.en })));
});

it('gives home the same French and Spanish titles as the language packs', () => {
  for (const entry of FORM_CATALOG) {
    expect(entry.title.fr, entry.id).toBe(fr[entry.id]?.title);
    expect(entry.title.es, entry.id).toBe(es[entry.id]?.title);
  }
});
