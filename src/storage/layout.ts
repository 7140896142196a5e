// WARNING: the database layout, in one place. Free of Dexie and zod because home's first counts
// (first-counts.ts) read it with plain IndexedDB before either is loaded. Keep old versions when
// adding one: a device may skip several app updates and Dexie upgrades through each declared version.

export const DB_NAME = 'fieldbook';

/** A submission's life on the device, in the order screens list them. */
export const SUBMISSION_STATUSES = ['draft', 'queued', 'synced', 'rejected'] as const;

/** Dexie's schema of version 1 (db.ts declares it); a compound index is named `[a+b]` in IndexedDB too. */
export const SCHEMA_V1 = {
  submissions: 'id, status, [formId+status], [formId+meta.updatedAt], [formId+meta.completedAt], [status+meta.completedAt]',
};

/**
 * Version 2: forms as published data. `forms` keeps each definition a draft or an unsent (or any)
 * submission uses, by `[id+version]`; `catalog` each form's state and latest version; the new
 * submissions index tells which versions are in use without reading a record.
 */
export const SCHEMA_V2 = {
  submissions: `${SCHEMA_V1.submissions}, [formId+formVersion+status]`,
  forms: '[id+version], id',
  catalog: 'id',
};

/**
 * Version 3: photos, recordings and files (docs/attachments.md). `attachments` keeps each file's
 * Blob with its submission, by `[submissionId+name]`; `uploadedAt` is set once the server holds it.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  attachments: '[submissionId+name], submissionId',
};

/** The indexes home counts with. */
export const BY_FORM_AND_STATUS = '[formId+status]';
export const BY_FORM_AND_COMPLETION = '[formId+meta.completedAt]';
