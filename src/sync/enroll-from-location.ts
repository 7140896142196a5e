// WARNING: part of the first load. Runs before anything else reads the address, so an
// enrollment code spends as little time as possible in the address bar and history.
import { setAccessWithdrawn, setEndpoint, setToken } from '../storage/settings';
import { exchangeCode, tokenFromHash, type EnrollProblem } from './enrollment';

/** What opening the app did about enrollment. */
export type EnrollOutcome = { kind: 'none' } | { kind: 'enrolled' } | { kind: 'refused'; problem: EnrollProblem | 'malformed' };

/**
 * Wipes an `#enroll=` fragment from the address bar and history entry, then spends its code at
 * this origin's server for this device's own credential, which it stores. A refused code stores
 * nothing: the device stays as it was, with all it holds.
 */
export async function enrollFromLocation(): Promise<EnrollOutcome> {
  if (!location.hash.startsWith('#enroll=')) return { kind: 'none' };
  const code = tokenFromHash(location.hash);
  history.replaceState(null, '', `${location.pathname}${location.search}#/`);
  if (!code) return { kind: 'refused', problem: 'malformed' };
  return enrollWith(location.origin, code, true);
}

/** Spends `code` at `endpoint` and, on success, keeps the credential (and the server, unless it is this origin). */
export async function enrollWith(endpoint: string, code: string, sameOrigin: boolean): Promise<EnrollOutcome> {
  const exchanged = await exchangeCode(endpoint, code);
  if (!exchanged.ok) return { kind: 'refused', problem: exchanged.problem };
  await setToken(exchanged.token);
  await setEndpoint(sameOrigin ? undefined : endpoint);
  await setAccessWithdrawn(false);
  return { kind: 'enrolled' };
}
