// WARNING: the only module that knows the database layout. Keep old versions when adding one:
// a device may skip several app updates and Dexie upgrades through each declared version.
import Dexie, { type EntityTable } from 'dexie';
import type { StoredSubmission } from './record';

export const DB_NAME = 'fieldbook';

/** The device's database: the submissions table is also the sync outbox. */
export class FieldbookDB extends Dexie {
  submissions!: EntityTable<StoredSubmission, 'id'>;

  constructor(name = DB_NAME) {
    // Strict durability: a write resolves only once it is on disk, so "Saved" never lies.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      submissions: 'id, status, [formId+status], [formId+meta.updatedAt], [formId+meta.completedAt], [status+meta.completedAt]',
    });
  }
}

let instance: FieldbookDB | undefined;

/** The shared database, opened on first use. */
export function db(): FieldbookDB {
  instance ??= new FieldbookDB();
  return instance;
}

/** Closes and forgets the shared database (tests, and before deleting it). */
export function closeDb(): void {
  instance?.close();
  instance = undefined;
}

/** Opens the database now, so its first use (home's counts) finds it ready; failures surface there. */
export function warmUpDb(): void {
  db().open().catch(() => {});
}
