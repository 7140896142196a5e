// The two bearer tokens: a device token that submits and a coordinator token that also
// exports. Made once, kept in the data folder, never logged.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Role = 'device' | 'coordinator';

export interface Tokens {
  device: string;
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

function readOrCreate(dataDir: string, role: Role): string {
  const path = join(dataDir, TOKEN_FILES[role]);
  try {
    const token = readFileSync(path, 'utf8').trim();
    chmodSync(path, 0o600);
    if (!TOKEN_PATTERN.test(token)) throw new Error(`${path} does not hold a valid token; delete it to make a new one`);
    return token;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = newToken();
  // 'wx': never overwrite a token another process wrote in the meantime.
  writeFileSync(path, `${token}\n`, { mode: 0o600, flag: 'wx' });
  return token;
}

/** The tokens to use: from `given` (the environment) where set, else from (or new in) the data folder. */
export function loadTokens(dataDir: string, given: Partial<Tokens> = {}): Tokens {
  for (const role of ['device', 'coordinator'] as const) {
    const token = given[role];
    if (token !== undefined && !TOKEN_PATTERN.test(token)) {
      throw new Error(`The ${role} token given must be 16 to 512 characters of A-Z a-z 0-9 . _ ~ -`);
    }
  }
  const tokens = {
    device: given.device ?? readOrCreate(dataDir, 'device'),
    coordinator: given.coordinator ?? readOrCreate(dataDir, 'coordinator'),
  };
  if (tokens.device === tokens.coordinator) throw new Error('The device token and the coordinator token must differ.');
  return tokens;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer[ ]+([^\s]+)[ ]*$/i);
  return match?.[1];
}

/**
 * Who a token belongs to. Digests make both sides the same length for `timingSafeEqual`,
 * and both comparisons always run, so timing reveals neither token.
 */
export function makeAuthenticator(tokens: Tokens): (token: string | undefined) => Role | undefined {
  const device = digest(tokens.device);
  const coordinator = digest(tokens.coordinator);
  return (token) => {
    const given = digest(token ?? '');
    const isDevice = timingSafeEqual(given, device);
    const isCoordinator = timingSafeEqual(given, coordinator);
    if (token === undefined) return undefined;
    return isCoordinator ? 'coordinator' : isDevice ? 'device' : undefined;
  };
}
