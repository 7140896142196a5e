// Enrollment: the device token arrives in a URL fragment (never a query string: fragments reach
// no server log), is stored, and is removed from the address bar at once.
import { API_PREFIX } from './health';

const TOKEN_PATTERN = /^[A-Za-z0-9._~+/=-]{16,512}$/;

/** The token of an `#enroll=<token>` fragment, if it holds a well-formed one. */
export function tokenFromHash(hash: string): string | undefined {
  const match = /^#enroll=([^&]+)$/.exec(hash);
  const token = match?.[1] && decodeURIComponent(match[1]);
  return token && TOKEN_PATTERN.test(token) ? token : undefined;
}

/** What a pasted enrollment link or bare token gives: the token, and the server if the link names one. */
export function parseEnrollment(input: string): { token: string; endpoint?: string } | undefined {
  const text = input.trim();
  if (TOKEN_PATTERN.test(text) && !text.includes('/')) return { token: text };
  try {
    const url = new URL(text);
    const token = tokenFromHash(url.hash);
    return token ? { token, endpoint: url.origin } : undefined;
  } catch {
    return undefined;
  }
}

export type ConnectionCheck = 'ok' | 'unreachable' | 'unauthorized' | 'server-error';

/** Checks the server answers and accepts the token, by sending an empty batch (which stores nothing). */
export async function testConnection(endpoint: string, token: string): Promise<ConnectionCheck> {
  try {
    const response = await fetch(`${endpoint.replace(/\/+$/, '')}${API_PREFIX}/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: '{"submissions":[]}',
      signal: AbortSignal.timeout(10_000),
      cache: 'no-store',
    });
    if (response.status === 401) return 'unauthorized';
    return response.ok ? 'ok' : 'server-error';
  } catch {
    return 'unreachable';
  }
}
