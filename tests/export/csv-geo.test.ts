// Locations in CSV: a geopoint's four columns, a line's or area's one, in the single-form file
// and across versions (the writer the device and the server share).
import { describe, expect, it } from 'vitest';
import { CRLF, csvColumns, csvRow } from '../../src/export/csv';
import { csvLayout } from '../../src/export/csv-versions';
import { parseForm } from '../../src/forms/load';
import type { Submission } from '../../src/forms/submission';
import { definitionWith } from '../fixtures/forms';

const FIXED = ['submission_id', 'form_id', 'form_version', 'device_id', 'enumerator', 'started_at', 'completed_at'];

const v1 = parseForm({ ...definitionWith([{ id: 'where', type: 'geopoint', label: 'Where' }, { id: 'road', type: 'geotrace', label: 'Road' }]), id: 'geo', version: 1 });
const v2 = parseForm({ ...definitionWith([{ id: 'plot', type: 'geoshape', label: 'Plot' }, { id: 'where', type: 'geopoint', label: 'Where' }]), id: 'geo', version: 2 });

function submission(version: number, answers: Record<string, string>): Submission {
  return {
    id: `0190c6a0-0000-7000-8000-00000000000${version}`,
    formId: 'geo',
    formVersion: version,
    answers: { sex: 'female', ...answers },
    meta: { deviceId: 'd1', enumerator: 'Zoë', locale: 'en', appVersion: '1', startedAt: '2024-05-14T09:00:00Z', completedAt: '2024-05-14T09:10:00Z' },
  };
}

const META = '2024-05-14T09:00:00Z,2024-05-14T09:10:00Z';

describe('locations in CSV', () => {
  it('gives a geopoint four columns and a line one', () => {
    expect(csvColumns(v1)).toEqual([...FIXED, 'where/latitude', 'where/longitude', 'where/altitude', 'where/accuracy', 'road', 'sex']);
  });

  it.each([
    // A geopoint's parts are numbers, written as such; a line is a text, guarded like any text starting with "-".
    ['every part', { where: '-12.5 -1.25 300.5 4.5', road: '-12.5 -1.25;12.6 -1.25' }, `-12.5,-1.25,300.5,4.5,'-12.5 -1.25;12.6 -1.25`],
    ['typed by hand', { where: '12.5 -1.25' }, '12.5,-1.25,,,'],
    ['nothing', {}, ',,,,'],
  ])('writes a location with %s', (_name, answers, cells) => {
    const s = submission(1, answers);
    expect(csvRow(v1, s, { labels: false })).toBe(`${s.id},geo,1,d1,Zoë,${META},${cells},female${CRLF}`);
    expect(csvRow(v1, s, { labels: true })).toBe(`${s.id},geo,1,d1,Zoë,${META},${cells},Female${CRLF}`);
  });

  it('keeps a value that is not a location (never stored, but never lost) in the first column', () => {
    expect(csvRow(v1, submission(1, { where: 'somewhere' }), { labels: false })).toContain(`,${META},somewhere,,,,,female`);
  });

  it('writes the same cells across versions, from each row\'s own version', () => {
    const layout = csvLayout([v1, v2]);
    expect(layout.header).toBe([...FIXED, 'plot', 'where/latitude', 'where/longitude', 'where/altitude', 'where/accuracy', 'sex', 'road'].join(',') + CRLF);
    const old = submission(1, { where: '-12.5 -1.25 300 4', road: '0 0;0 1' });
    const latest = submission(2, { where: '-12.5 -1.25 300 4', plot: '0 0;0 1;1 1;0 0' });
    expect(layout.row(v1, old, { labels: false })).toBe(`${old.id},geo,1,d1,Zoë,${META},,-12.5,-1.25,300,4,female,0 0;0 1${CRLF}`);
    expect(layout.row(v2, latest, { labels: false })).toBe(`${latest.id},geo,2,d1,Zoë,${META},0 0;0 1;1 1;0 0,-12.5,-1.25,300,4,female,${CRLF}`);
    // With one version the layout is the single-form writer itself.
    expect(csvLayout([v1]).row(v1, old, { labels: false })).toBe(csvRow(v1, old, { labels: false }));
  });
});
