// ODK's own functions: the table of known values, the geodesy against independent formulas and
// JavaRosa's own test data, and what they ask of the context.
import { describe, expect, it } from 'vitest';
import { nodeSet } from '../../../src/forms/expr/ast';
import { EARTH_RADIUS_METERS, pathLength, readGeoPoints, sphericalArea } from '../../../src/forms/expr/functions-odk';
import { run } from './context';
import { JAVAROSA_PATH, ODK_ANSWERS, ODK_TABLE, SQUARE } from './odk-table';

describe('ODK functions', () => {
  it.each(ODK_TABLE)('%s = %j', (source, expected) => {
    expect(run(source, ODK_ANSWERS)).toBe(expected);
  });
});

describe('area() and distance()', () => {
  it('give a 1°×1° cell on the equator the exact area of its spherical band, and each side a degree of arc', () => {
    const rad = Math.PI / 180;
    const band = EARTH_RADIUS_METERS ** 2 * rad * (Math.sin(rad) - Math.sin(0));
    const points = readGeoPoints(SQUARE)!;
    expect(sphericalArea(points) / band).toBeCloseTo(1, 12);
    expect(pathLength(points.slice(0, 2))).toBeCloseTo((2 * Math.PI * EARTH_RADIUS_METERS) / 360, 6);
  });

  it("agree with JavaRosa's test path within a few square metres and half a metre", () => {
    // JavaRosa's planar formula (R = 6,378,100 m) gives 151,452 m²; the spherical one 151,453.5 m².
    expect(Math.abs((run('area(${p})', { p: JAVAROSA_PATH.join(';') }) as number) - 151_452)).toBeLessThan(2);
    expect(Math.abs((run('distance(${p})', { p: nodeSet(JAVAROSA_PATH) }) as number) - 1_801)).toBeLessThan(0.5);
  });

  it('read geopoints with altitude and accuracy, and refuse what is not a location', () => {
    expect(readGeoPoints('1.5 -2 300 4.5;-1 2;')).toEqual([{ latitude: 1.5, longitude: -2 }, { latitude: -1, longitude: 2 }]);
    expect(readGeoPoints('1 2 3 4 5')).toBeUndefined();
    expect(readGeoPoints('1 181')).toBeUndefined();
    expect(readGeoPoints('1 0x2')).toBeUndefined();
    expect(readGeoPoints('1;2')).toBeUndefined();
  });
});

describe('functions that ask the context', () => {
  it("version() is the form's version when the context knows it", () => {
    expect(run('version()', {}, { formVersion: () => '7' })).toBe('7');
    expect(run("concat('v', version())")).toBe('v');
  });

  it('date-time() writes a day count or a date in local time with its offset, like now()', () => {
    expect(run('date-time("2024-03-15")')).toMatch(/^2024-03-15T00:00:00\.000[+-]\d\d:\d\d$/);
    expect(run('date-time(0)')).toMatch(/^19(70-01-01|69-12-31)T\d\d:\d\d:00\.000[+-]\d\d:\d\d$/);
    expect(run('decimal-date-time(date-time(0))')).toBe(0);
    expect(run('date-time(1 div 0)')).toBe('');
  });
});
