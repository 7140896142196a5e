// The device's database through Dexie; its layout lives in layout.ts.
import Dexie, { type EntityTable } from 'dexie';
import type { StoredAttachment } from './attachments';
import type { CatalogRow, StoredDefinition } from './catalog-record';
import { DB_NAME, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from './layout';
import type { StoredSubmission } from './record';

export { DB_NAME };

/** The device's database: the submissions table is also the sync outbox. */
export class FieldbookDB extends Dexie {
  submissions!: EntityTable<StoredSubmission, 'id'>;
  forms!: Dexie.Table<StoredDefinition, [string, number]>;
  catalog!: EntityTable<CatalogRow, 'id'>;
  attachments!: Dexie.Table<StoredAttachment, [string, string]>;

  constructor(name = DB_NAME) {
    // Strict durability: a write resolves only once it is on disk, so "Saved" never lies.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores(SCHEMA_V1);
    // Adds tables and an index; every submission is kept as it is.
    this.version(2).stores(SCHEMA_V2);
    // Adds the files of photo, recording and file questions.
    this.version(3).stores(SCHEMA_V3);
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
