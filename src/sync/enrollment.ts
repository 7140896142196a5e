// Enrollment: the code arrives in a URL fragment (never a query string: fragments reach no server
// log) and is exchanged at POST /api/v1/enroll for this device's own credential (PRODUCT.md
// section 8). WARNING: part of the first load (an enrollment link is the first page a device
// opens): the answer is checked by hand, without zod.
import { API_PREFIX } from './health';

const TOKEN_PATTERN = /^[A-Za-z0-9._~+/=-]{16,512}$/;

/** The code of an `#enroll=<code>` fragment, if it holds a well-formed one. */
export function tokenFromHash(hash: string): string | undefined {
  const match = /^#enroll=([^&]+)$/.exec(hash);
  const token = match?.[1] && decodeURIComponent(match[1]);
  return token && TOKEN_PATTERN.test(token) ? token : undefined;
}

/** What a pasted enrollment link or bare code gives: the code, and the server if the link names one. */
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

/** Why a code gave no credential: the server's refusal, or no usable answer at all. */
export type EnrollProblem = 'used' | 'expired' | 'unknown' | 'withdrawn' | 'unreachable' | 'server-error';

export type Exchange = { ok: true; token: string } | { ok: false; problem: EnrollProblem };

const REFUSALS: Record<string, EnrollProblem> = {
  enrollment_used: 'used',
  enrollment_expired: 'expired',
  enrollment_unknown: 'unknown',
  enrollment_withdrawn: 'withdrawn',
};

/** POST /api/v1/enroll: spends the code for this device's credential. Nothing is stored here. */
export async function exchangeCode(endpoint: string, code: string): Promise<Exchange> {
  let response: Response;
  try {
    response = await fetch(`${endpoint.replace(/\/+$/, '')}${API_PREFIX}/enroll`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-App-Version': __APP_VERSION__ },
      body: JSON.stringify({ code }),
      signal: AbortSignal.timeout(15_000),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, problem: 'unreachable' };
  }
  const body = (await response.json().catch(() => undefined)) as { token?: unknown; error?: { code?: unknown } } | undefined;
  if (response.ok && typeof body?.token === 'string' && TOKEN_PATTERN.test(body.token)) return { ok: true, token: body.token };
  const refusal = typeof body?.error?.code === 'string' ? REFUSALS[body.error.code] : undefined;
  return { ok: false, problem: refusal ?? 'server-error' };
}

export type ConnectionCheck = 'ok' | 'unreachable' | 'unauthorized' | 'revoked' | 'server-error';

/** Checks the server answers and accepts the token, by sending an empty batch (which stores nothing). */
export async function testConnection(endpoint: string, token: string): Promise<ConnectionCheck> {
  try {
    const response = await fetch(`${endpoint.replace(/\/+$/, '')}${API_PREFIX}/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'X-App-Version': __APP_VERSION__ },
      body: '{"submissions":[]}',
      signal: AbortSignal.timeout(10_000),
      cache: 'no-store',
    });
    if (response.status === 401) {
      const body = (await response.json().catch(() => undefined)) as { error?: { code?: unknown } } | undefined;
      return body?.error?.code === 'device_revoked' ? 'revoked' : 'unauthorized';
    }
    return response.ok ? 'ok' : 'server-error';
  } catch {
    return 'unreachable';
  }
}
