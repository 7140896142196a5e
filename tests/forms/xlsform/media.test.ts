// Photos, recordings and files in XLSForm (docs/attachments.md): every spelling pyxform accepts
// imports as a media type, `max-pixels` becomes `maxPixels`, what Fieldbook cannot honour is a
// warning at its cell, bad values and background audio are problems, and the export writes it
// all back so that importing again gives the identical definition.
import { describe, expect, it } from 'vitest';
import { addToHistory, checkPublication, contentText } from '../../../src/forms/publish-checks';
import type { Form, Question } from '../../../src/forms/schema';
import { importXlsForm } from '../../../src/forms/xlsform';
import { parseParameters } from '../../../src/forms/xlsform/parameters';
import { formToSheets, formToXlsx } from '../../../src/forms/xlsform/write';
import { importForm, importProblems, importRows } from './fixtures';

function all(form: Form): Question[] {
  const found: Question[] = [];
  const walk = (items: readonly Question[]) => items.forEach((q) => (found.push(q), q.questions && walk(q.questions)));
  form.sections.forEach((s) => walk(s.questions));
  return found;
}
const find = (form: Form, id: string) => all(form).find((q) => q.id === id)!;

/** A household visit as field teams write it for ODK: a roster with ID cards, the house's photo, an interview recording, a consent scan. */
const HOUSEHOLD_VISIT = [
  ['type', 'name', 'label::English (en)', 'label::Français (fr)', 'hint::English (en)', 'required', 'appearance', 'parameters', 'body::accept'],
  ['start', 'start', '', '', '', '', '', '', ''],
  ['today', 'today', '', '', '', '', '', '', ''],
  ['begin_group', 'visit', 'Visit', 'Visite', '', '', 'field-list', '', ''],
  ['geopoint', 'gps', 'Location of the house', 'Position de la maison', '', 'yes', '', 'capture-accuracy=10', ''],
  ['image', 'house_photo', 'Photo of the house', 'Photo de la maison', 'From the street', 'yes', '', 'max-pixels=1024', ''],
  ['photo', 'old_photo', 'An older photo', 'Une photo ancienne', '', '', '', '', ''],
  ['add photo prompt', 'roof', 'The roof', 'Le toit', '', '', '', '', ''],
  ['add image prompt', 'yard', 'The yard', 'La cour', '', '', 'annotate', 'max-pixels = 800', ''],
  ['end_group', '', '', '', '', '', '', '', ''],
  ['begin_repeat', 'member', 'Household member', 'Membre du ménage', '', '', '', '', ''],
  ['text', 'member_name', 'Name', 'Nom', '', 'yes', '', '', ''],
  ['image', 'id_card', 'ID card', "Carte d'identité", '', '', 'new', 'max-pixels=640, app=com.example.camera', ''],
  ['end_repeat', '', '', '', '', '', '', '', ''],
  ['audio', 'interview', 'Interview', 'Entretien', '', '', '', 'quality=normal', ''],
  ['add audio prompt', 'song', 'A song', 'Une chanson', '', '', '', '', ''],
  ['video', 'walk', 'Walk-through', 'Visite filmée', '', '', '', '', ''],
  ['add video prompt', 'clip', 'A clip', 'Un extrait', '', '', '', '', ''],
  ['file', 'consent_doc', 'Signed consent', 'Consentement signé', '', 'yes', '', '', '.pdf,.jpg'],
  ['add file prompt', 'extra', 'Another document', 'Un autre document', '', '', '', '', ''],
  ['image', 'signed', 'Signature', 'Signature', '', '', 'signature', '', ''],
  ['image', 'sketch', 'Sketch of the plot', 'Croquis de la parcelle', '', '', 'draw', '', ''],
];
const SETTINGS = [
  ['form_id', 'form_title', 'default_language'],
  ['household_visit', 'Household visit', 'English (en)'],
];

describe('media questions in XLSForm', () => {
  it('import as image, audio, video and file, with max-pixels, appearances kept and warnings at their cells', async () => {
    const { form, warnings } = await importForm(HOUSEHOLD_VISIT, undefined, SETTINGS);
    const types = Object.fromEntries(all(form).map((q) => [q.id, q.type]));
    expect(types).toMatchObject({ house_photo: 'image', old_photo: 'image', roof: 'image', yard: 'image', id_card: 'image', interview: 'audio', song: 'audio', walk: 'video', clip: 'video', consent_doc: 'file', extra: 'file', signed: 'image', sketch: 'image' });
    expect(find(form, 'house_photo')).toEqual({ id: 'house_photo', type: 'image', label: { en: 'Photo of the house', fr: 'Photo de la maison' }, hint: { en: 'From the street' }, required: true, maxPixels: 1024 });
    expect(find(form, 'yard')).toMatchObject({ maxPixels: 800, appearance: 'annotate' });
    expect(find(form, 'id_card')).toMatchObject({ maxPixels: 640, appearance: 'new' });
    expect(find(form, 'signed')).toMatchObject({ appearance: 'signature' });
    expect(find(form, 'old_photo').maxPixels).toBeUndefined();
    expect(find(form, 'member').questions!.map((q) => q.id)).toEqual(['member_name', 'id_card']);
    expect(warnings).toEqual([
      { sheet: 'survey', row: 5, column: 'parameters', message: 'parameter `capture-accuracy=10` (the accuracy to wait for) is not used by Fieldbook; it is ignored' },
      { sheet: 'survey', row: 9, column: 'appearance', message: 'appearance `annotate` (drawing on the photo taken) is not offered by Fieldbook: the person chooses a file or takes a photo instead' },
      { sheet: 'survey', row: 13, column: 'appearance', message: 'appearance `new` (only a new capture, not a file already on the device) is not enforced: the person may also choose a file' },
      { sheet: 'survey', row: 13, column: 'parameters', message: 'parameter `app=com.example.camera` (an external Android app) is not used by Fieldbook; it is ignored' },
      { sheet: 'survey', row: 15, column: 'parameters', message: 'parameter `quality=normal` (the recording quality) is not used by Fieldbook; it is ignored' },
      { sheet: 'survey', row: 19, column: 'body::accept', message: 'the column `body::accept` (the file types to offer) is not used: a file question takes any file but web pages and scripts; it is ignored (first used here)' },
      { sheet: 'survey', row: 21, column: 'appearance', message: 'appearance `signature` (signing on the screen) is not offered by Fieldbook: the person chooses a file or takes a photo instead' },
      { sheet: 'survey', row: 22, column: 'appearance', message: 'appearance `draw` (drawing a sketch on the screen) is not offered by Fieldbook: the person chooses a file or takes a photo instead' },
    ]);
  });

  it('come back identical from the export, which writes max-pixels in parameters, and publish back unchanged', async () => {
    const { form } = await importForm(HOUSEHOLD_VISIT, undefined, SETTINGS);
    const [survey] = formToSheets(form);
    const header = survey!.rows[0]!;
    const row = (name: string) => Object.fromEntries(header.map((h, i) => [h, survey!.rows.find((r) => r[1] === name)![i]]));
    expect(row('house_photo')).toMatchObject({ type: 'image', parameters: 'max-pixels=1024', required: 'yes' });
    expect(row('old_photo')).toMatchObject({ type: 'image', parameters: '' });
    expect(row('interview').type).toBe('audio');
    expect(row('walk').type).toBe('video');
    expect(row('consent_doc').type).toBe('file');
    const back = await importXlsForm(formToXlsx(form));
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(contentText(back.form)).toBe(contentText(form));
    // Nothing the export writes is warned about on the way back but the appearances Fieldbook does not honour.
    expect(back.warnings.map((w) => w.column)).toEqual(['appearance', 'appearance', 'appearance', 'appearance']);
    const types = new Map();
    addToHistory(types, form);
    const { version: _v, ...input } = back.form;
    expect(checkPublication(input, { latestVersion: 1, latestHash: contentText(form), questionTypes: types }, (t) => t)).toEqual({ ok: true, unchanged: true, version: 1 });
  });

  it.each([
    ['a word for max-pixels', 'max-pixels=foo', '`max-pixels` must be a whole number of pixels from 1 to 20000, not `foo`'],
    ['zero pixels', 'max-pixels=0', '`max-pixels` must be a whole number of pixels from 1 to 20000, not `0`'],
    ['a negative size', 'max-pixels=-5', '`max-pixels` must be a whole number of pixels from 1 to 20000, not `-5`'],
    ['a fraction', 'max-pixels=640.5', '`max-pixels` must be a whole number of pixels from 1 to 20000, not `640.5`'],
    ['too many pixels', 'max-pixels=50000', '`max-pixels` must be a whole number of pixels from 1 to 20000, not `50000`'],
    ['no value', 'max-pixels=', 'parameters `max-pixels=` should be pairs such as `max-pixels=1024`, separated by spaces'],
    ['no pair at all', '1024', 'parameters `1024` should be pairs such as `max-pixels=1024`, separated by spaces'],
  ])('refuse %s on an image at its row and column', async (_name, parameters, message) => {
    const problems = await importProblems([
      ['type', 'name', 'label', 'parameters'],
      ['text', 'a', 'A', ''],
      ['image', 'pic', 'Picture', parameters],
    ]);
    expect(problems).toEqual([{ sheet: 'survey', row: 3, column: 'parameters', message }]);
  });

  it('warn about max-pixels where it means nothing, and about parameters on a group', async () => {
    const { form, warnings } = await importForm([
      ['type', 'name', 'label', 'parameters'],
      ['begin_group', 'g', 'G', 'x=1'],
      ['file', 'doc', 'Document', 'max-pixels=640'],
      ['text', 'note_text', 'Text', 'rows'],
      ['end_group', '', '', ''],
    ]);
    expect(find(form, 'doc').maxPixels).toBeUndefined();
    expect(warnings).toEqual([
      { sheet: 'survey', row: 2, column: 'parameters', message: '`parameters` on a group have no effect; they are ignored' },
      { sheet: 'survey', row: 3, column: 'parameters', message: 'parameter `max-pixels=640` (downscaling photos, which only an image question does) is not used by Fieldbook; it is ignored' },
      { sheet: 'survey', row: 4, column: 'parameters', message: 'parameters `rows` should be pairs such as `max-pixels=1024`, separated by spaces; this cell is ignored' },
    ]);
  });

  it('refuse background audio clearly, on its row', async () => {
    const result = await importRows([
      ['type', 'name', 'label'],
      ['background-audio', 'ambient', ''],
      ['audio', 'voice', 'Voice'],
    ]);
    expect(result.ok ? [] : result.problems).toEqual([
      {
        sheet: 'survey',
        row: 2,
        column: 'type',
        message: 'type `background-audio` (a recording made in the background while the form is filled) is not supported: Fieldbook records only the files the person chooses; use an `audio` question',
      },
    ]);
  });
});

describe('parseParameters', () => {
  it.each([
    ['max-pixels=640', [['max-pixels', '640']]],
    ['Max-Pixels=640 app=com.Example', [['max-pixels', '640'], ['app', 'com.Example']]],
    ['max-pixels = 640;app=x, quality=low', [['max-pixels', '640'], ['app', 'x'], ['quality', 'low']]],
    ['  ', []],
  ])('%j', (text, pairs) => {
    expect([...parseParameters(text)!]).toEqual(pairs);
  });

  it.each(['640', 'a=b=c', '=640', 'max-pixels'])('%j is not a list of pairs', (text) => {
    expect(parseParameters(text)).toBeUndefined();
  });
});
