// The workshop PIN: checked for shape, stored as a salted PBKDF2 hash (Web Crypto), never as
// typed, and guarded against guessing by a wait that grows with each wrong try. A 4-to-8-digit
// PIN cannot resist someone who copies the hash off the disk; the hash keeps the PIN out of plain
// sight, and the wait (kept in storage, so a reload does not reset it) guards the screen.

/** 4 to 8 digits, nothing else. */
export const PIN_PATTERN = /^\d{4,8}$/;

/**
 * PBKDF2-SHA-256 rounds: enough to make each guess cost something, few enough that a check stays
 * under ~100 ms on a slow laptop (the facilitator waits for it every time).
 */
export const PIN_HASH_ITERATIONS = 100_000;

const SALT_BYTES = 16;
const HASH_BITS = 256;

/** Wrong tries allowed before any wait. */
export const FREE_PIN_TRIES = 3;
/** The first wait after the free tries; each further wrong try doubles it. */
export const FIRST_PIN_WAIT_MS = 5_000;
/** The longest wait between tries. */
export const MAX_PIN_WAIT_MS = 5 * 60_000;

/** A PIN as stored: salt and hash in base64, with the rounds used. */
export interface PinHash {
  salt: string;
  hash: string;
  iterations: number;
}

/** Wrong tries since the last right one, and when the last one was (ms since 1970). */
export interface PinFailures {
  count: number;
  lastAt: number;
}

export const NO_FAILURES: PinFailures = { count: 0, lastAt: 0 };

/** Whether `pin` is 4 to 8 digits. */
export const isValidPin = (pin: string): boolean => PIN_PATTERN.test(pin);

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

/** Hashes a PIN with a fresh random salt. */
export async function hashPin(pin: string, iterations = PIN_HASH_ITERATIONS): Promise<PinHash> {
  if (!isValidPin(pin)) throw new Error('A PIN is 4 to 8 digits.');
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return { salt: toBase64(salt), hash: toBase64(await derive(pin, salt, iterations)), iterations };
}

/** Whether `pin` is the one `stored` was made from; compares every byte whatever the first difference. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  if (!isValidPin(pin)) return false;
  const actual = await derive(pin, fromBase64(stored.salt), stored.iterations);
  const expected = fromBase64(stored.hash);
  let difference = actual.length ^ expected.length;
  for (let i = 0; i < actual.length; i++) difference |= actual[i]! ^ (expected[i] ?? 0);
  return difference === 0;
}

/** The wait that `count` wrong tries earn: none for the free tries, then doubling up to the cap. */
export function pinWaitAfter(count: number): number {
  if (count < FREE_PIN_TRIES) return 0;
  return Math.min(MAX_PIN_WAIT_MS, FIRST_PIN_WAIT_MS * 2 ** Math.min(count - FREE_PIN_TRIES, 20));
}

/**
 * How long before the next try is heard (0: now). A clock set back never shortens the wait
 * past its full length, and never stretches it beyond.
 */
export function pinWaitLeft(failures: PinFailures, nowMs: number): number {
  const wait = pinWaitAfter(failures.count);
  if (wait === 0) return 0;
  return Math.min(wait, Math.max(0, failures.lastAt + wait - nowMs));
}
