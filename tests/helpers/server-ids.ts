// What the server really holds, read straight from its SQLite file (not through its API).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../server/store/sqlite';

/** Every stored id, and how many rows each has (the schema's UNIQUE makes 1 the only answer, but we check). */
export function serverIds(dataDir: string): Map<string, number> {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT id, COUNT(*) AS n FROM submissions GROUP BY id').all() as Array<{ id: string; n: number }>;
    return new Map(rows.map((r) => [r.id, r.n]));
  } finally {
    db.close();
  }
}

/** Asserts the server holds exactly `ids`, each once; returns a description of any difference. */
export function compareIds(dataDir: string, ids: Iterable<string>): string[] {
  const held = serverIds(dataDir);
  const expected = new Set(ids);
  const problems: string[] = [];
  for (const id of expected) if (held.get(id) !== 1) problems.push(`${id}: held ${held.get(id) ?? 0} times`);
  for (const id of held.keys()) if (!expected.has(id)) problems.push(`${id}: on the server but not the device`);
  return problems;
}
