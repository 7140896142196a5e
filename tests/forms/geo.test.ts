// Locations from tables: which texts are a geopoint, a geotrace or a geoshape, how points are
// written, and the device's validateAnswers and the server's answerSchema agreeing on them.
import { describe, expect, it } from 'vitest';
import { answerSchema, validateAnswers } from '../../src/forms/answers';
import { MAX_GEO_POINTS, formatCoordinate, formatGeoPoints, formatGeopoint, isGeopoint, isGeoshape, isGeotrace, parseGeopoint } from '../../src/forms/geo';
import { parseForm } from '../../src/forms/load';
import { ENGLISH_MESSAGES } from '../../src/forms/messages';
import { definitionWith } from '../fixtures/forms';

const GEOPOINTS: [text: string, valid: boolean][] = [
  ['12.5 -1.25 300 4.5', true],
  ['12.5 -1.25', true],
  ['12.5 -1.25 300', true],
  ['-90 -180 0 0', true],
  ['90 180 -10.5 0', true],
  ['  12.5   -1.25  ', true],
  ['1.5e1 2E-3', true],
  ['+12 +1', true],
  ['.5 5.', true],
  ['90.0000001 0', false],
  ['-90.1 0', false],
  ['0 180.01', false],
  ['0 -181', false],
  ['12.5 -1.25 300 -1', false],
  ['12.5', false],
  ['', false],
  ['12.5 -1.25 300 4.5 9', false],
  ['12,5 -1,25', false],
  ['12.5;-1.25', false],
  ['abc def', false],
  ['0x10 5', false],
  ['NaN 5', false],
  ['Infinity 5', false],
  ['1e999 5', false],
  ['12.5 -1.25 1e999', false],
];

describe('a geopoint', () => {
  it.each(GEOPOINTS)('%j is valid: %s', (text, valid) => {
    expect(isGeopoint(text)).toBe(valid);
  });

  it('reads into its parts, altitude and accuracy only when given', () => {
    expect(parseGeopoint('12.5 -1.25 300 4.5')).toEqual({ latitude: 12.5, longitude: -1.25, altitude: 300, accuracy: 4.5 });
    expect(parseGeopoint('12.5 -1.25')).toEqual({ latitude: 12.5, longitude: -1.25 });
  });

  it.each([
    [{ latitude: 12.5, longitude: -1.25 }, '12.5 -1.25'],
    [{ latitude: 12.5, longitude: -1.25, altitude: 300.123, accuracy: 4.5 }, '12.5 -1.25 300.12 4.5'],
    [{ latitude: 12.5, longitude: -1.25, accuracy: 20 }, '12.5 -1.25 0 20'],
    [{ latitude: 0.0000001, longitude: -0.00000001 }, '0.0000001 0'],
    [{ latitude: 48.858370123456, longitude: 2.294481 }, '48.8583701 2.294481'],
  ])('%j is written %j, never in exponent form', (point, text) => {
    expect(formatGeopoint(point)).toBe(text);
    expect(isGeopoint(text)).toBe(true);
  });

  it('writes coordinates without trailing zeros', () => {
    expect(formatCoordinate(10)).toBe('10');
    expect(formatCoordinate(-3.5)).toBe('-3.5');
  });
});

const A = '0 0 0 0';
const B = '0 1 0 0';
const C = '1 1 0 0';
const GEOTRACES: [text: string, valid: boolean][] = [
  [`${A};${B}`, true],
  [`${A};${B};`, true],
  [`${A}; ${B} ;${C}`, true],
  ['0 0;0 1', true],
  [A, false],
  ['', false],
  [`${A};;${B}`, false],
  [`${A};91 0`, false],
  [Array.from({ length: MAX_GEO_POINTS }, (_, i) => `0 ${i / 10}`).join(';'), true],
  [Array.from({ length: MAX_GEO_POINTS + 1 }, (_, i) => `0 ${i / 10}`).join(';'), false],
];

const GEOSHAPES: [text: string, valid: boolean][] = [
  [`${A};${B};${C};${A}`, true],
  ['0 0;0 1;1 1;0 0 5 5', true],
  [`${A};${B};${C}`, false],
  [`${A};${B};${A}`, false],
  [`${A};${B};${B};${A}`, false],
  [`${A};${B};${C};${A};`, true],
  [`${A};${B};${C};1 0;${A}`, true],
  ['', false],
];

describe('a geotrace and a geoshape', () => {
  it.each(GEOTRACES.map(([text, valid]) => [text.slice(0, 60), text, valid] as const))('geotrace %j is valid: %s', (_shown, text, valid) => {
    expect(isGeotrace(text)).toBe(valid);
  });

  it.each(GEOSHAPES)('geoshape %j is valid: %s', (text, valid) => {
    expect(isGeoshape(text)).toBe(valid);
  });

  it('closes an area by repeating its first point, once', () => {
    const points = [{ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 }, { latitude: 1, longitude: 1 }];
    expect(formatGeoPoints(points, true)).toBe('0 0;0 1;1 1;0 0');
    expect(formatGeoPoints([...points, points[0]!], true)).toBe('0 0;0 1;1 1;0 0');
    expect(formatGeoPoints(points)).toBe('0 0;0 1;1 1');
  });
});

const FORM = parseForm(
  definitionWith([
    { id: 'where', type: 'geopoint', label: 'Where', required: true },
    { id: 'road', type: 'geotrace', label: 'Road' },
    { id: 'field', type: 'geoshape', label: 'Field', constraint: "selected(${where}, '12.5')" },
  ]),
);

describe('location answers, on the device and on the server', () => {
  const schema = answerSchema(FORM);
  const m = ENGLISH_MESSAGES;
  it.each([
    ['a location with every part', { where: '12.5 -1.25 300 4.5' }, {}],
    ['a location typed by hand', { where: '12.5 -1.25' }, {}],
    ['no location', {}, { where: m.required }],
    ['a latitude out of range', { where: '95 -1.25' }, { where: m.geopoint }],
    ['a negative accuracy', { where: '12.5 -1.25 0 -3' }, { where: m.geopoint }],
    ['a location as a number', { where: 12.5 }, { where: m.geopoint }],
    ['a location as a list', { where: ['12.5', '-1.25'] }, { where: m.geopoint }],
    ['a line of one point', { where: '12.5 -1.25', road: '12.5 -1.25' }, { road: m.geotrace }],
    ['a line of two points', { where: '12.5 -1.25', road: '12.5 -1.25;12.6 -1.25' }, {}],
    ['an open area', { where: '12.5 -1.25', field: '0 0;0 1;1 1' }, { field: m.geoshape }],
    // The constraint reads the geopoint's text as ODK does: selected() sees its space-separated parts.
    ['a closed area, the constraint holding', { where: '12.5 -1.25', field: '0 0;0 1;1 1;0 0' }, {}],
    ['a closed area, the constraint failing', { where: '12 -1.25', field: '0 0;0 1;1 1;0 0' }, { field: m.constraint }],
  ] as const)('%s', (_name, answers, errors) => {
    const full = { sex: 'female', ...answers };
    expect(validateAnswers(FORM, full as never)).toEqual(errors);
    expect(schema.safeParse(full).success).toBe(Object.keys(errors).length === 0);
  });
});
