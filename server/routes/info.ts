// The open routes: health for monitors, forms for devices.
import type { ServerResponse } from 'node:http';
import { FORMS } from '../../src/forms/index';
import { sendJson } from '../http';

/** GET /api/v1/health. */
export function handleHealth(res: ServerResponse): void {
  sendJson(res, 200, { status: 'ok' });
}

/** GET /api/v1/forms: the definitions this server accepts, in the wire format. */
export function handleForms(res: ServerResponse): void {
  sendJson(res, 200, { forms: FORMS });
}
