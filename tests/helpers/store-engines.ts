// The same store contract on both engines: each case gets a fresh database, opened as many
// times as it asks (two openings are two servers on one database), closed and removed after.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openPostgres, type PostgresDatabase } from '../../server/store/postgres';
import { openSqliteStore } from '../../server/store/sqlite';
import type { Store } from '../../server/store/types';
import { describeWithPostgres, startCluster, type TestCluster } from './postgres';
import { makeTempDir, removeDir } from './server';

/** One test case: its name, and what it does with a way to open the fresh database. */
export type StoreCase = readonly [name: string, run: (open: () => Promise<Store>) => Promise<void>];

/** A fresh database: a way to open it, and to release and remove it. */
interface Fresh {
  open: () => Promise<Store>;
  cleanup: () => Promise<void>;
}

function runCases(cases: readonly StoreCase[], fresh: () => Promise<Fresh>): void {
  it.each(cases)('%s', async (_name, run) => {
    const { open, cleanup } = await fresh();
    try {
      await run(open);
    } finally {
      await cleanup();
    }
  });
}

/** Runs every case on SQLite and, where a PostgreSQL cluster can be started, on PostgreSQL. */
export function describeEachStoreEngine(name: string, cases: readonly StoreCase[]): void {
  describe(`${name} on SQLite`, () => {
    runCases(cases, async () => {
      const dir = makeTempDir();
      const opened: Store[] = [];
      return {
        open: async () => {
          const store = openSqliteStore(dir);
          opened.push(store);
          return store;
        },
        cleanup: async () => {
          // Closing twice is harmless for SQLite; a case may already have closed one.
          for (const store of opened) await store.close();
          removeDir(dir);
        },
      };
    });
  });

  describeWithPostgres(`${name} on PostgreSQL`, () => {
    let cluster: TestCluster;
    beforeAll(async () => {
      cluster = await startCluster();
    }, 60_000);
    afterAll(() => cluster?.destroy());

    runCases(cases, async () => {
      const url = await cluster.createDatabase();
      const opened: PostgresDatabase[] = [];
      return {
        open: async () => {
          const database = await openPostgres(url);
          opened.push(database);
          return database.store;
        },
        cleanup: async () => {
          for (const database of opened) await database.close();
        },
      };
    });
  });
}
