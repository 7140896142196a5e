// The open route for monitors.
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http';

/** GET /api/v1/health. */
export function handleHealth(res: ServerResponse): void {
  sendJson(res, 200, { status: 'ok' });
}
