// The form registry in SQLite, over the store's connection: versions are rows that are never
// updated or deleted, assigned inside an IMMEDIATE transaction so two publishers never share one.
import type { Database } from 'better-sqlite3';
import type { FormState } from '../../src/forms/schema';
import type { FormStore } from './types';
import { toFormEntry, toFormVersion, type VersionRow } from './rows';

const VERSION_COLUMNS = 'form_id, version, content_hash, published_at, published_by, definition';

/** The registry over an open, migrated connection. */
export function sqliteFormStore(db: Database): FormStore {
  const countForms = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM forms');
  const insertForm = db.prepare<[string, string, string]>('INSERT INTO forms (id, state, updated_at) VALUES (?, ?, ?)');
  const insertVersion = db.prepare<[string, number, string, string, string, string]>(
    `INSERT INTO form_versions (${VERSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const latestAll = db.prepare<[], VersionRow & { state: FormState }>(
    `SELECT f.state, ${VERSION_COLUMNS.split(', ').map((c) => `v.${c}`).join(', ')}
     FROM forms f JOIN form_versions v ON v.form_id = f.id
     WHERE v.version = (SELECT max(version) FROM form_versions WHERE form_id = f.id)
     ORDER BY f.rowid`,
  );
  const latestOne = db.prepare<[string], VersionRow & { state: FormState }>(
    `SELECT f.state, ${VERSION_COLUMNS.split(', ').map((c) => `v.${c}`).join(', ')}
     FROM forms f JOIN form_versions v ON v.form_id = f.id
     WHERE f.id = ? ORDER BY v.version DESC LIMIT 1`,
  );
  const oneVersion = db.prepare<[string, number], VersionRow>(`SELECT ${VERSION_COLUMNS} FROM form_versions WHERE form_id = ? AND version = ?`);
  const allVersions = db.prepare<[string], VersionRow>(`SELECT ${VERSION_COLUMNS} FROM form_versions WHERE form_id = ? ORDER BY version`);
  const updateState = db.prepare<[string, string, string]>('UPDATE forms SET state = ?, updated_at = ? WHERE id = ?');
  const byVersion = db.prepare<[string], { form_version: number; n: number }>(
    'SELECT form_version, count(*) AS n FROM submissions WHERE form_id = ? GROUP BY form_version',
  );

  const seed = db.transaction((forms: readonly { id: string; hash: string; definition: string }[], at: string) => {
    if ((countForms.get()?.n ?? 0) > 0) return;
    for (const form of forms) {
      insertForm.run(form.id, 'open', at);
      insertVersion.run(form.id, 1, form.hash, at, 'built-in', form.definition);
    }
  });

  return {
    seed: async (forms, at) => seed.immediate(forms, at),
    list: async () => latestAll.all().map(toFormEntry),
    entry: async (formId) => {
      const row = latestOne.get(formId);
      return row && toFormEntry(row);
    },
    version: async (formId, version) => {
      const row = oneVersion.get(formId, version);
      return row && toFormVersion(row);
    },
    versions: async (formId) => allVersions.all(formId).map(toFormVersion),
    publish: async (formId, decide, by, at) =>
      db
        .transaction(() => {
          const versions = allVersions.all(formId).map(toFormVersion);
          const decision = decide(versions);
          if (decision.kind === 'insert') {
            if (versions.length === 0) insertForm.run(formId, 'open', at);
            insertVersion.run(formId, decision.version, decision.hash, at, by, decision.definition);
          }
          return decision.result;
        })
        .immediate(),
    setState: async (formId, state, at) => updateState.run(state, at, formId).changes === 1,
    countByVersion: async (formId) => new Map(byVersion.all(formId).map((r) => [r.form_version, r.n])),
  };
}
