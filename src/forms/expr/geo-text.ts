// ODK's text form of locations read into points: a geopoint is "lat lon alt acc" (altitude and
// accuracy optional), a geotrace or geoshape is points joined by ";". Here, in the expression
// module, so area() and distance() read locations by the very rules answers are validated with
// (src/forms/geo.ts re-exports it).

/** One location: degrees (WGS 84), altitude and accuracy in metres. */
export interface GeoPoint {
  latitude: number;
  longitude: number;
  altitude?: number;
  accuracy?: number;
}

/** The most points a line or an area may hold, so no answer can flood storage. */
export const MAX_GEO_POINTS = 500;
// A plain decimal, optionally with an exponent: what ODK and other tools write, and nothing Number() reads loosely ("", "0x1", " 1").
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A geopoint's text read into its parts, or undefined when it is not a valid location. */
export function parseGeopoint(text: string): GeoPoint | undefined {
  const parts = text.trim().split(/\s+/);
  if (parts.length < 2 || parts.length > 4 || !parts.every((p) => NUMBER.test(p))) return undefined;
  const [latitude, longitude, altitude, accuracy] = parts.map(Number) as [number, number, number?, number?];
  if (![latitude, longitude, altitude ?? 0, accuracy ?? 0].every(Number.isFinite)) return undefined;
  if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) return undefined;
  if (accuracy !== undefined && accuracy < 0) return undefined;
  return { latitude, longitude, ...(altitude !== undefined ? { altitude } : {}), ...(accuracy !== undefined ? { accuracy } : {}) };
}

/** A geotrace's or geoshape's text read into its points (a trailing ";" allowed, as some tools write), or undefined. */
export function parseGeoPoints(text: string): GeoPoint[] | undefined {
  const pieces = text.split(';');
  if (pieces.length > 1 && pieces[pieces.length - 1]!.trim() === '') pieces.pop();
  if (pieces.length > MAX_GEO_POINTS) return undefined;
  const points: GeoPoint[] = [];
  for (const piece of pieces) {
    const point = parseGeopoint(piece);
    if (!point) return undefined;
    points.push(point);
  }
  return points;
}
