// Locations as answers keep ODK's own text form, so the answers stay `string | number | string[]`
// and expressions read them as ODK does: a geopoint is "lat lon alt acc" (altitude and accuracy
// optional), a geotrace or geoshape is points joined by ";". Pure: used by the device and the server.

export { MAX_GEO_POINTS, parseGeopoint, parseGeoPoints, type GeoPoint } from './expr/geo-text';
import { parseGeopoint, parseGeoPoints, type GeoPoint } from './expr/geo-text';

/** A line needs two points; an area three distinct ones, closed by repeating the first (as ODK writes it). */
export const MIN_GEOTRACE_POINTS = 2;
export const MIN_GEOSHAPE_POINTS = 4;

function samePlace(a: GeoPoint, b: GeoPoint): boolean {
  return a.latitude === b.latitude && a.longitude === b.longitude;
}

/** Whether a text is a valid geopoint answer. */
export function isGeopoint(text: string): boolean {
  return parseGeopoint(text) !== undefined;
}

/** Whether a text is a valid geotrace answer: at least two valid points. */
export function isGeotrace(text: string): boolean {
  const points = parseGeoPoints(text);
  return points !== undefined && points.length >= MIN_GEOTRACE_POINTS;
}

/** Whether a text is a valid geoshape answer: at least three distinct points, the last repeating the first. */
export function isGeoshape(text: string): boolean {
  const points = parseGeoPoints(text);
  if (!points || points.length < MIN_GEOSHAPE_POINTS || !samePlace(points[0]!, points[points.length - 1]!)) return false;
  const distinct = new Set(points.map((p) => `${p.latitude} ${p.longitude}`));
  return distinct.size >= MIN_GEOSHAPE_POINTS - 1;
}

/** A number as coordinates are written: at most `digits` decimals, never in exponent form. */
export function formatCoordinate(n: number, digits = 7): string {
  const fixed = n.toFixed(digits).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}

/** A point in ODK's text form; altitude is written (as 0, as ODK does) when only the accuracy is known. */
export function formatGeopoint(p: GeoPoint): string {
  const parts = [formatCoordinate(p.latitude), formatCoordinate(p.longitude)];
  if (p.altitude !== undefined || p.accuracy !== undefined) parts.push(formatCoordinate(p.altitude ?? 0, 2));
  if (p.accuracy !== undefined) parts.push(formatCoordinate(p.accuracy, 2));
  return parts.join(' ');
}

/** Points in ODK's text form; a geoshape is closed by repeating its first point when it is not already. */
export function formatGeoPoints(points: readonly GeoPoint[], closed = false): string {
  const list = [...points];
  if (closed && list.length > 0 && !samePlace(list[0]!, list[list.length - 1]!)) list.push(list[0]!);
  return list.map(formatGeopoint).join(';');
}
