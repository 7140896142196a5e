// ODK's own functions (ODK XForms spec): areas and lengths of locations, checklists, counting
// answered items, digests and the form's version. Real field forms use them in calculations.
import { isNodeSet, type Expr, type Value } from './ast';
import type { EvalContext, Evaluate } from './context';
import { toBoolean, toNumber, toText } from './convert';
import { digest } from './digest';
import type { FunctionSpec } from './functions';
import { allItems, items } from './functions-core';
import { parseGeoPoints, type GeoPoint } from './geo-text';

type Args = readonly Expr[];

/** A location's coordinates in degrees. */
export type LatLon = Pick<GeoPoint, 'latitude' | 'longitude'>;

/** The points of a geopoint, geotrace or geoshape text (a trailing ";" allowed), or undefined: the rules answers are validated by. */
export function readGeoPoints(text: string): LatLon[] | undefined {
  return parseGeoPoints(text)?.map(({ latitude, longitude }) => ({ latitude, longitude }));
}

/** The radius of the spherical earth the area and distance formulas use (WGS 84's equatorial radius, as Enketo uses). */
export const EARTH_RADIUS_METERS = 6_378_137;
const RAD = Math.PI / 180;

/**
 * The points of geoshapes, geotraces and geopoints, in order (a node-set of geopoints from a
 * repeat gives one point per instance). Unanswered items are skipped; undefined if any is not a location.
 */
function pointsOf(values: readonly Value[]): LatLon[] | undefined {
  const points: LatLon[] = [];
  for (const v of values) {
    const text = toText(v).trim();
    if (text === '') continue;
    const parsed = readGeoPoints(text);
    if (!parsed) return undefined;
    points.push(...parsed);
  }
  return points;
}

/**
 * The area enclosed by the points on a sphere, in square metres: the spherical polygon formula
 * (Chamberlain & Duquette) that Enketo and OpenLayers use. Whether or not the shape repeats its
 * first point, it is closed; fewer than 3 points enclose nothing.
 */
export function sphericalArea(points: readonly LatLon[]): number {
  if (points.length < 3) return 0;
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    sum += (b.longitude - a.longitude) * RAD * (2 + Math.sin(a.latitude * RAD) + Math.sin(b.latitude * RAD));
  }
  return Math.abs((sum * EARTH_RADIUS_METERS * EARTH_RADIUS_METERS) / 2);
}

/** The great-circle distance between two points in metres (haversine, stable for short segments). */
export function greatCircle(a: LatLon, b: LatLon): number {
  const dLat = (b.latitude - a.latitude) * RAD;
  const dLon = (b.longitude - a.longitude) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * RAD) * Math.cos(b.latitude * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The length of the path through the points in order, in metres (a geoshape's last point closes it). */
export function pathLength(points: readonly LatLon[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += greatCircle(points[i - 1]!, points[i]!);
  return total;
}

/** checklist()'s bounds: -1 (any negative) means none, as in JavaRosa. */
function within(n: number, min: number, max: number): boolean {
  return (min < 0 || n >= min) && (max < 0 || n <= max);
}

/** The factors and weights of weighted-checklist(): two node-sets side by side, or pairs of arguments. */
function weightedPairs(args: Args, ctx: EvalContext, ev: Evaluate): [Value, Value][] | undefined {
  const rest = args.slice(2).map((a) => ev(a, ctx));
  const [factors, weights] = rest;
  if (rest.length === 2 && factors !== undefined && weights !== undefined && isNodeSet(factors) && isNodeSet(weights)) {
    // JavaRosa refuses node-sets of different lengths; here that is false, as evaluation never throws.
    if (factors.items.length !== weights.items.length) return undefined;
    return factors.items.map((f, i) => [f, weights.items[i]!]);
  }
  const pairs: [Value, Value][] = [];
  for (let i = 0; i + 1 < rest.length; i += 2) pairs.push([rest[i]!, rest[i + 1]!]);
  return pairs;
}

const bound = (args: Args, i: number, ctx: EvalContext, ev: Evaluate): number => Math.trunc(toNumber(ev(args[i]!, ctx))) || 0;

/** area(), distance(), count-non-empty(), checklist(), weighted-checklist(), digest(), version(). */
export const ODK_FUNCTIONS: Record<string, FunctionSpec> = {
  area: {
    min: 1,
    max: 1,
    call: (a, c, ev) => {
      const points = pointsOf(items(ev(a[0]!, c)));
      return points ? sphericalArea(points) : NaN;
    },
  },
  distance: {
    min: 1,
    max: Infinity,
    call: (a, c, ev) => {
      const points = pointsOf(allItems(a, c, ev));
      return points ? pathLength(points) : NaN;
    },
  },
  'count-non-empty': { min: 1, max: 1, call: (a, c, ev) => items(ev(a[0]!, c)).filter((v) => toText(v) !== '').length },
  checklist: {
    min: 2,
    max: Infinity,
    call: (a, c, ev) => {
      const count = allItems(a.slice(2), c, ev).filter(toBoolean).length;
      return within(count, bound(a, 0, c, ev), bound(a, 1, c, ev));
    },
  },
  'weighted-checklist': {
    min: 2,
    max: Infinity,
    even: true,
    call: (a, c, ev) => {
      const pairs = weightedPairs(a, c, ev);
      if (!pairs) return false;
      let total = 0;
      for (const [factor, weight] of pairs) if (toBoolean(factor)) total += toNumber(weight);
      return within(total, bound(a, 0, c, ev), bound(a, 1, c, ev));
    },
  },
  digest: {
    min: 2,
    max: 3,
    call: (a, c, ev) => digest(toText(ev(a[0]!, c)), toText(ev(a[1]!, c)).trim(), a.length > 2 ? toText(ev(a[2]!, c)).trim() : 'base64'),
  },
  version: { min: 0, max: 0, call: (_a, c) => c.formVersion?.() ?? '' },
};
