// WARNING: part of the first load (the connectivity check): the health route, checked by hand
// rather than with zod so the home screen does not download it.

/** The API's path prefix; bump with any breaking change to the API's bodies. */
export const API_PREFIX = '/api/v1';

/** Whether a body is the health route's `{"status":"ok"}`. */
export function isHealthy(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { status?: unknown }).status === 'ok';
}
