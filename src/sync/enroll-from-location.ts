// WARNING: part of the first load. Runs before anything else reads the address, so an
// enrollment token spends as little time as possible in the address bar and history.
import { setToken } from '../storage/settings';
import { tokenFromHash } from './enrollment';

/** Stores a token from an `#enroll=` fragment and wipes it from the address bar and history entry. */
export async function enrollFromLocation(): Promise<boolean> {
  if (!location.hash.startsWith('#enroll=')) return false;
  const token = tokenFromHash(location.hash);
  history.replaceState(null, '', `${location.pathname}${location.search}#/`);
  if (!token) return false;
  await setToken(token);
  return true;
}
