// The browser's geolocation as one promise with plain outcomes, so the widget words each failure
// (laptops often have no GPS; a person may refuse) and tests can hand in a fake Geolocation.
import type { GeoPoint } from '../forms/geo';

/** How long to wait for a position before saying so: a cold GPS fix outdoors can take this long. */
export const LOCATION_TIMEOUT_MS = 30_000;

/** Why no location came back. */
export type LocationFailure = 'unsupported' | 'denied' | 'unavailable' | 'timeout';
export type LocationResult = { ok: true; point: GeoPoint } | { ok: false; reason: LocationFailure };

// GeolocationPositionError's codes (the constants are not on the error in every engine).
const PERMISSION_DENIED = 1;
const TIMEOUT = 3;

/** One fresh position from `geolocation` (the browser's by default), never a cached one. */
export function captureLocation(geolocation: Geolocation | undefined = typeof navigator === 'undefined' ? undefined : navigator.geolocation): Promise<LocationResult> {
  if (!geolocation) return Promise.resolve({ ok: false, reason: 'unsupported' });
  return new Promise((resolve) => {
    geolocation.getCurrentPosition(
      ({ coords }) => {
        const point: GeoPoint = { latitude: coords.latitude, longitude: coords.longitude, ...(coords.altitude !== null ? { altitude: coords.altitude } : {}), accuracy: coords.accuracy };
        resolve({ ok: true, point });
      },
      (error) => resolve({ ok: false, reason: error.code === PERMISSION_DENIED ? 'denied' : error.code === TIMEOUT ? 'timeout' : 'unavailable' }),
      { enableHighAccuracy: true, timeout: LOCATION_TIMEOUT_MS, maximumAge: 0 },
    );
  });
}
