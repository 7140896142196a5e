import { expect, it } from 'vitest';
import { FORMS } from '../../src/forms';
import { FORM_CATALOG } from '../../src/forms/catalog';

it('the catalog home reads lists exactly the built-in forms, in order, with their titles', () => {
  expect(FORMS.map((f) => ({ id: f.id, title: f.title }))).toEqual(FORM_CATALOG.map((f) => ({ id: f.id, title: f.title })));
});
