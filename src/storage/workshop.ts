// WARNING: part of the first load: whether workshop mode is on decides what the very first screen
// may show. One idb-keyval record in the settings store holds the running workshop (its form, PIN
// hash, the drafts it made, wrong PIN tries) and the last one that ended (for its summary), so
// every change is one atomic write that survives a reload, an app update and a browser restart.
// A localStorage mirror lets the first screen know "off" without opening IndexedDB: it says "on"
// before the record does and "off" only after the record does, so it never says "off" wrongly.
import { get, update } from 'idb-keyval';
import type { PinFailures, PinHash } from '../workshop/pin';
import { isText, isWorkshopSession, settingsStore, WORKSHOP_MIRROR_KEY, type WorkshopSession } from './settings';

/** Workshop mode while it is on: one form, the PIN's hash, and every draft it started. */
export interface WorkshopRun {
  formId: string;
  formVersion: number;
  pin: PinHash;
  /** The workshop's name, date and place, when the form asks for them. */
  session: WorkshopSession | null;
  startedAt: string;
  /** Every response started in this session, oldest first (finalized, discarded or still a draft). */
  draftIds: string[];
  /** The response on screen for the current participant. */
  currentDraftId: string | null;
  failures: PinFailures;
}

/** A workshop that ended: what its summary needs. */
export type EndedWorkshop = Pick<WorkshopRun, 'formId' | 'formVersion' | 'session' | 'startedAt' | 'draftIds'> & { endedAt: string };

interface WorkshopRecord {
  active?: WorkshopRun;
  last?: EndedWorkshop;
}

const KEY = 'workshop';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isIdList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText);
const isPinHash = (v: unknown): v is PinHash => isObject(v) && isText(v.salt) && isText(v.hash) && isCount(v.iterations);
const isFailures = (v: unknown): v is PinFailures => isObject(v) && isCount(v.count) && isCount(v.lastAt);

function isEnded(v: unknown): v is EndedWorkshop {
  return isObject(v) && isText(v.formId) && isCount(v.formVersion) && (v.session === null || isWorkshopSession(v.session)) && isText(v.startedAt) && isText(v.endedAt) && isIdList(v.draftIds);
}

function isRun(v: unknown): v is WorkshopRun {
  return (
    isObject(v) &&
    isText(v.formId) &&
    isCount(v.formVersion) &&
    isPinHash(v.pin) &&
    (v.session === null || isWorkshopSession(v.session)) &&
    isText(v.startedAt) &&
    isIdList(v.draftIds) &&
    (v.currentDraftId === null || isText(v.currentDraftId)) &&
    isFailures(v.failures)
  );
}

/** The stored record, with any part that does not read back whole left out (a PIN that cannot be checked would lock the device for good). */
async function readRecord(): Promise<WorkshopRecord> {
  const value: unknown = await get(KEY, settingsStore());
  if (!isObject(value)) return {};
  return { ...(isRun(value.active) && { active: value.active }), ...(isEnded(value.last) && { last: value.last }) };
}

/** What the mirror says: true (on), false (off), undefined (unknown: read the record). */
export function workshopMirror(): boolean | undefined {
  try {
    const value = localStorage.getItem(WORKSHOP_MIRROR_KEY);
    return value === '1' ? true : value === '0' ? false : undefined;
  } catch {
    return undefined;
  }
}

function setMirror(on: boolean): void {
  try {
    localStorage.setItem(WORKSHOP_MIRROR_KEY, on ? '1' : '0');
  } catch {
    // A mirror that cannot be written must not keep saying "off".
    try {
      localStorage.removeItem(WORKSHOP_MIRROR_KEY);
    } catch {
      // No localStorage at all: every start reads the record.
    }
  }
}

type Listener = (active: WorkshopRun | undefined) => void;
const listeners = new Set<Listener>();
let channel: BroadcastChannel | undefined;

function openChannel(): BroadcastChannel | undefined {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel('fieldbook-workshop');
  // Another tab changed the record: read it again (a failed read changes nothing here).
  channel.onmessage = () =>
    void readRecord().then(
      ({ active }) => listeners.forEach((l) => l(active)),
      () => undefined,
    );
  return channel;
}

/** Tells this tab (at once, with the new state) and every other one (to read it) that the record changed. */
function announce(active: WorkshopRun | undefined): void {
  listeners.forEach((l) => l(active));
  openChannel()?.postMessage('changed');
}

/** Calls back with the running workshop whenever it changes, in this tab or another; returns a stop function. */
export function onWorkshopChange(callback: Listener): () => void {
  openChannel();
  listeners.add(callback);
  return () => listeners.delete(callback);
}

/**
 * The running workshop, or undefined when workshop mode is off. Fills a mirror that knows
 * nothing yet (so later starts need no read) and puts a lost "on" back; never turns an "on"
 * into "off": a start in another tab writes "on" before its record, so an "on" seen here after
 * this read found none may be that start's.
 */
export async function getActiveWorkshop(): Promise<WorkshopRun | undefined> {
  const { active } = await readRecord();
  const mirrored = workshopMirror();
  if (active && mirrored !== true) setMirror(true);
  else if (!active && mirrored === undefined) setMirror(false);
  return active;
}

/** The workshop that ended last, for its summary. */
export async function getLastWorkshop(): Promise<EndedWorkshop | undefined> {
  return (await readRecord()).last;
}

/** Turns workshop mode on; refused when it already is (another tab started one). */
export async function beginWorkshop(run: WorkshopRun): Promise<void> {
  // If the write fails, the mirror's "on" only costs the next start one read of the record.
  setMirror(true);
  await update<unknown>(
    KEY,
    (stored) => {
      if (isObject(stored) && isRun(stored.active)) throw new Error('Workshop mode is already on.');
      return { ...(isObject(stored) && isEnded(stored.last) && { last: stored.last }), active: run };
    },
    settingsStore(),
  );
  announce(run);
}

/** Changes the running workshop in one write; undefined (and nothing written) when it is off. */
export async function changeWorkshop(change: (run: WorkshopRun) => WorkshopRun): Promise<WorkshopRun | undefined> {
  let changed: WorkshopRun | undefined;
  await update<unknown>(
    KEY,
    (stored) => {
      if (!isObject(stored) || !isRun(stored.active)) return stored;
      changed = change(stored.active);
      return { ...stored, active: changed };
    },
    settingsStore(),
  );
  announce(changed);
  return changed;
}

/** Turns workshop mode off, keeping what the summary needs; the mirror says "off" only once that is written. */
export async function endWorkshop(endedAt: string): Promise<EndedWorkshop | undefined> {
  let ended: EndedWorkshop | undefined;
  await update<unknown>(
    KEY,
    (stored) => {
      if (!isObject(stored) || !isRun(stored.active)) return stored;
      const { formId, formVersion, session, startedAt, draftIds } = stored.active;
      ended = { formId, formVersion, session, startedAt, draftIds, endedAt };
      return { last: ended };
    },
    settingsStore(),
  );
  setMirror(false);
  announce(undefined);
  return ended;
}
