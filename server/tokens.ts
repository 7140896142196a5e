// The fixed bearer tokens: the coordinator's (made once, kept in the data folder) and an
// optional shared device token (FIELDBOOK_DEVICE_TOKEN, or the device.token of a data folder
// from before per-device enrollment; never made any more). Never logged.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Role = 'device' | 'coordinator';

export interface Tokens {
  /** The shared device token, when there is one (section 8: for scripted set-ups and tests). */
  device?: string;
  coordinator: string;
}

/** File names inside the data folder. */
export const TOKEN_FILES: Readonly<Record<Role, string>> = { device: 'device.token', coordinator: 'coordinator.token' };

/** 32 random bytes; base64url so a token fits a URL fragment and a header as is. */
const TOKEN_BYTES = 32;

/** A token given by the environment must be this long and URL-safe (it goes in the enrollment link). */
const TOKEN_PATTERN = /^[A-Za-z0-9._~-]{16,512}$/;

/** A fresh random token. */
export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

function readIfThere(dataDir: string, role: Role): string | undefined {
  const path = join(dataDir, TOKEN_FILES[role]);
  try {
    const token = readFileSync(path, 'utf8').trim();
    chmodSync(path, 0o600);
    if (!TOKEN_PATTERN.test(token)) throw new Error(`${path} does not hold a valid token; delete it to make a new one`);
    return token;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return undefined;
  }
}

function readOrCreate(dataDir: string, role: Role): string {
  const existing = readIfThere(dataDir, role);
  if (existing !== undefined) return existing;
  const token = newToken();
  // 'wx': never overwrite a token another process wrote in the meantime.
  writeFileSync(join(dataDir, TOKEN_FILES[role]), `${token}\n`, { mode: 0o600, flag: 'wx' });
  return token;
}

/**
 * The tokens to use: from `given` (the environment) where set, else from the data folder. The
 * coordinator token is made there when missing; a shared device token never is (an old data
 * folder's device.token is kept working, PRODUCT.md section 8).
 */
export function loadTokens(dataDir: string, given: Partial<Tokens> = {}): Tokens {
  for (const role of ['device', 'coordinator'] as const) {
    const token = given[role];
    if (token !== undefined && !TOKEN_PATTERN.test(token)) {
      throw new Error(`The ${role} token given must be 16 to 512 characters of A-Z a-z 0-9 . _ ~ -`);
    }
  }
  const device = given.device ?? readIfThere(dataDir, 'device');
  const tokens: Tokens = { ...(device !== undefined && { device }), coordinator: given.coordinator ?? readOrCreate(dataDir, 'coordinator') };
  if (tokens.device === tokens.coordinator) throw new Error('The device token and the coordinator token must differ.');
  return tokens;
}

/** sha256 of a secret: what the store keeps of credentials and codes. */
export function secretHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer[ ]+([^\s]+)[ ]*$/i);
  return match?.[1];
}

/** Which fixed token a bearer token is: the coordinator's, the shared device token, or neither. */
export type FixedToken = 'coordinator' | 'shared';

/**
 * Which fixed token `token` is. Digests make both sides the same length for `timingSafeEqual`,
 * and both comparisons always run (against a random stand-in when there is no shared token),
 * so timing reveals neither token.
 */
export function makeAuthenticator(tokens: Tokens): (token: string | undefined) => FixedToken | undefined {
  const shared = digest(tokens.device ?? randomBytes(TOKEN_BYTES).toString('hex'));
  const coordinator = digest(tokens.coordinator);
  return (token) => {
    const given = digest(token ?? '');
    const isShared = timingSafeEqual(given, shared) && tokens.device !== undefined;
    const isCoordinator = timingSafeEqual(given, coordinator);
    if (token === undefined) return undefined;
    return isCoordinator ? 'coordinator' : isShared ? 'shared' : undefined;
  };
}
