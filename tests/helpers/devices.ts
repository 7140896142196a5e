// Calls of the Devices API (PRODUCT.md section 8) for server tests, each answer read whole.
import { readAnswer, type Answer, type TestServer } from './server';

/** A JSON request to the API with an optional bearer token and extra headers. */
export async function api(server: TestServer, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${server.url}/api/v1${path}`, { method, headers, ...(options.body !== undefined && { body: JSON.stringify(options.body) }) });
  return readAnswer(response);
}

/** POST /devices as the coordinator. */
export const createDevice = (server: TestServer, label: string) => api(server, 'POST', '/devices', { token: server.coordinatorToken, body: { label } });

/** The code of an `<origin>/#enroll=<code>` link. */
export function codeOf(enrollUrl: string): string {
  const code = /#enroll=([^&]+)$/.exec(enrollUrl)?.[1];
  if (!code) throw new Error(`not an enrollment link: ${enrollUrl}`);
  return code;
}

/** POST /enroll with a code. */
export const enroll = (server: TestServer, code: string) => api(server, 'POST', '/enroll', { body: { code } });

/** A new device, enrolled: its id and its own credential. */
export async function enrolledDevice(server: TestServer, label: string): Promise<{ id: string; token: string }> {
  const created = await createDevice(server, label);
  const answer = await enroll(server, codeOf((created.json as { enrollUrl: string }).enrollUrl));
  const body = answer.json as { device: { id: string }; token: string };
  return { id: body.device.id, token: body.token };
}
