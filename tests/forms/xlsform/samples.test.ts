// pyxform's own fixtures (copied from ../shared/xlsforms with their BSD licence, so the test needs
// nothing outside the project): each is imported or refused with precise problems.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importXlsForm } from '../../../src/forms/xlsform';

const DIR = resolve(process.cwd(), 'tests/fixtures/xlsforms');
const read = (name: string) => importXlsForm(readFileSync(`${DIR}/pyxform--${name}.xlsx`));
const problem = (sheet: string, row: number | null, column: string | null, message: string | RegExp) => ({ sheet, row, column, message: typeof message === 'string' ? message : expect.stringMatching(message) });

describe('the pyxform samples', () => {
  it('UCL_Biomass_Plot_Form: its repeats and its photo read; refused for its choices from files and its missing form_id', async () => {
    const result = await read('UCL_Biomass_Plot_Form');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        problem('survey', 16, 'type', 'type `select_one_from_file UCL_regions.csv`: choices from a file are not supported yet; put the choices on the choices sheet'),
        problem('settings', 2, 'form_id', /^the form has no id/),
      ]),
    );
    // Its sqrt(), cos() and atan() are ODK functions Fieldbook evaluates, and its curly quotes read as straight ones, as in pyxform.
    expect(result.problems.filter((p) => p.message.includes('unknown function') || p.message.includes('quote'))).toEqual([]);
    expect(result.warnings).toEqual(expect.arrayContaining([problem('survey', 9, 'relevant', 'curly quotes in expressions are read as straight quotes, as pyxform does')]));
    expect(result.problems.filter((p) => p.message.includes('repeat'))).toEqual([]);
    // Its geopoint (row 22) is a location Fieldbook collects, its image (row 23) a photo it takes.
    expect(result.problems.filter((p) => p.row === 22 || p.row === 23)).toEqual([]);
  });

  it('xlsform_spec_test: its repeat, geopoint (row 34), barcode (row 35), image, audio and video (rows 36-38) read; refused for a missing label', async () => {
    const result = await read('xlsform_spec_test');
    expect(result.ok ? [] : result.problems).toEqual([problem('survey', 10, 'label::english', '`display_image_test` has no label: write what the person is asked')]);
    expect(result.warnings).toEqual(expect.arrayContaining([problem('survey', 35, 'type', /^a `barcode` question is a text box in Fieldbook/)]));
    expect(result.warnings.filter((w) => w.row !== null && w.row >= 36 && w.row <= 38)).toEqual([]);
    expect(result.warnings).toEqual(expect.arrayContaining([problem('survey', 52, 'type', 'type `phonenumber` is metadata Fieldbook does not record; the row is left out'), problem('columns', null, null, 'the sheet `columns` is not part of XLSForm; it is ignored')]));
  });

  it('case_insensitivity: upper-case sheets and columns read; refused for its external choices and OSM question', async () => {
    const result = await read('case_insensitivity');
    expect(result.ok ? [] : result.problems).toEqual([
      problem('SURVEY', 3, 'TYPE', /^type `select_one_external c1`: choices from a file are not supported yet/),
      problem('SURVEY', 4, 'TYPE', 'type `osm c1` (a map feature) is not supported yet'),
    ]);
  });

  it('or_other: refused only for its missing form_id; its choice_filter `pastel=yes` (no column `yes`) reads as empty, with a warning, as in ODK', async () => {
    const result = await read('or_other');
    expect(result.ok ? [] : result.problems).toEqual([problem('settings', null, 'form_id', /^the form has no id/)]);
    expect(result.warnings).toEqual(expect.arrayContaining([problem('survey', 3, 'choice_filter', /^in `choice_filter`, at character 8: `yes` is not a column of the choices sheet, so it reads as empty/)]));
  });

  it('xl_date_ambiguous: its dates and numbers read as text; refused for `label::English` inside a choice_filter', async () => {
    const result = await read('xl_date_ambiguous');
    expect(result.ok ? [] : result.problems).toEqual([problem('survey', 5, 'choice_filter', 'in `choice_filter`, at character 6: unexpected character `:`')]);
    expect(result.warnings).toEqual(expect.arrayContaining([problem('changelog', null, null, 'the sheet `changelog` is not part of XLSForm; it is ignored')]));
  });
});
