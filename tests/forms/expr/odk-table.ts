// ODK's own functions (area, distance, checklists, digest …) as a table of known values,
// shared by functions-odk.test.ts and the "every function is called" check in functions.test.ts.
import { nodeSet, type Value } from '../../../src/forms/expr/ast';

/** A 1°×1° square on the equator, closed as ODK writes a geoshape. */
export const SQUARE = '0 0;0 1;1 1;1 0;0 0';

/** JavaRosa's GeoUtilsTest path 1 (from mapdevelopers.com): area 151,452 m², length 1,801 m. */
export const JAVAROSA_PATH = [
  '38.253094215699576 21.756382658677467',
  '38.25021274773806 21.756382658677467',
  '38.25007793942195 21.763892843919166',
  '38.25290886154963 21.763935759263404',
  '38.25146813817506 21.758421137528785',
];

export const ODK_ANSWERS: Record<string, Value> = {
  empty: '',
  name: 'Ana',
  square: SQUARE,
  line: '0 0 10 5;0 1 12 5',
  points: nodeSet(['0 0', '', '0 1']),
  ages: nodeSet(['12', '40']),
  sums: nodeSet(['1', '2', '', 'x']),
  none: nodeSet([]),
  flags: nodeSet(['x', '', 'y']),
  weights: nodeSet(['2', '10', '3']),
  two: nodeSet(['1', '2']),
};

/** One degree of the equator in metres: 2πR / 360 with R = 6,378,137 m. */
const DEGREE = 111_319.49;

export const ODK_TABLE: [string, Value][] = [
  // The exact area of the spherical band, R² · Δλ · (sin 1° − sin 0°), is 12,391,399,902 m².
  ['round(area(${square}))', 12_391_399_902],
  ["round(area('0 0;0 1;1 1;1 0'))", 12_391_399_902], // not closed: closed anyway
  ["round(area('0 0;1 0;1 1;0 1;0 0'))", 12_391_399_902], // the other way round: still positive
  ["area('0 0;0 1')", 0],
  ['area(${empty})', 0],
  ["area('x')", NaN],
  ["area('91 0;0 0;0 1;91 0')", NaN],
  ['round(distance(${line}), 2)', DEGREE],
  ['round(distance(${points}), 2)', DEGREE], // a repeat's geopoints, the unanswered one skipped
  ["round(distance('0 0', '0 90'), 2)", 10_018_754.17], // a quarter of the equator
  ['round(distance(${square}), 2)', 445_261.01], // a geoshape's perimeter, back to its start
  ["distance('0 0')", 0],
  ['distance(${empty})', 0],
  ["distance('0 0;nowhere')", NaN],
  ['count-non-empty(${sums})', 3],
  ['count-non-empty(${none})', 0],
  ['count-non-empty(${empty})', 0],
  ['count-non-empty(${name})', 1],
  ['checklist(-1, 2, 1=1, 2=2, 3=3)', false],
  ['checklist(1, 2, 1=1, 2=2, 3=4)', true],
  ['checklist(-1, -1, 1=1, 2=2, 3=3)', true],
  ['checklist(2, -1, ${ages})', true],
  ['checklist(3, -1, ${ages})', false],
  ['checklist(0, 0)', true],
  ['checklist(1, 1, ${flags})', false],
  ['weighted-checklist(-1, 2, 2>1, 2)', true],
  ['weighted-checklist(-1, 2, 2>1, 3)', false],
  ['weighted-checklist(-1, 2, 1=1, 1, 2=2, 1, 3=3, 1)', false],
  ['weighted-checklist(3, 3, 1=1, 1, 2=2, 2, 3=4, 5)', true],
  ['weighted-checklist(5, 5, ${flags}, ${weights})', true], // node-sets side by side: 2 + 3
  ['weighted-checklist(0, -1, ${flags}, ${two})', false], // node-sets of different lengths
  ["digest('abc', 'SHA-256', 'hex')", 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ["digest('abc', 'SHA-1')", 'qZk+NkcGgWq6PiVxeFDCbJzQ2J0='], // base64 unless told
  ["digest('abc', 'MD5', 'hex')", '900150983cd24fb0d6963f7d28e17f72'],
  ["digest(${empty}, 'SHA-256', 'base64')", '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='],
  ["digest('abc', 'SHA-512')", ''],
  ["digest('abc', 'SHA-256', 'base32')", ''],
  ['version()', ''],
  ['date-time("2024-03-15T10:00:00Z")', '2024-03-15T10:00:00Z'],
  ['date-time("x")', ''],
  ['date-time(${empty})', ''],
  ['date(date-time("2024-03-15"))', '2024-03-15'],
  ['decimal-date-time(date-time(19797.25))', 19797.25],
  ['decimal-time("12:00")', 0.5],
  ['decimal-time("18:00:00.000-07:00")', 0.75], // as written, whatever the zone
  ['decimal-time("2024-03-15T06:00:00+02:00")', 0.25],
  ['decimal-time("x")', NaN],
  ['decimal-time(${empty})', NaN],
  ['decimal-time(0.5)', NaN],
];
