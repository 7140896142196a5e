// `npm run migrate-to-postgres`: moves the SQLite database of DATA_DIR into the empty
// PostgreSQL database of DATABASE_URL, checking counts and contents. Stop the server first.
import { join } from 'node:path';
import { readConfig } from './config';
import { copySqliteToPostgres } from './store/copy-to-postgres';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  if (!config.databaseUrl) throw new Error('Set DATABASE_URL=postgres://… to the (empty) PostgreSQL database to move into.');
  console.log(`Copying the SQLite database in ${config.dataDir} into PostgreSQL (DATABASE_URL)…`);
  const reports = await copySqliteToPostgres(config.dataDir, config.databaseUrl);
  for (const { table, copied } of reports) console.log(`${table}: ${copied} rows copied; counts and contents match.`);
  console.log('Done. Start the server with the same DATABASE_URL; the SQLite file was only read and can be kept as a backup.');
  console.log(`Attachment files stay in ${config.attachmentsDir ?? join(config.dataDir, 'attachments')}: every server on this database must reach that folder (ATTACHMENTS_DIR).`);
}

main().catch((error: unknown) => {
  console.error(`fieldbook: migration failed, no rows were kept in PostgreSQL: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
