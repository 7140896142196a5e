import Dexie from 'dexie';
import { closeDb, DB_NAME } from '../../src/storage/db';
import { clearSettings } from '../../src/storage/settings';

/** A blank device: no submissions, no settings. */
export async function resetStorage(): Promise<void> {
  closeDb();
  await Dexie.delete(DB_NAME);
  await clearSettings();
}
