// Where attachment files live: ATTACHMENTS_DIR (a folder servers on one database share) or
// DATA_DIR/attachments, and what a server finds there at start (temporary files of a crashed one).
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config';
import { startServer } from '../../server/server';
import { newToken } from '../../server/tokens';
import { pngBytes, putFile, sha256Of } from '../helpers/attachments';
import { makeTempDir, removeDir, TEST_RATE_LIMIT, type TestServer } from '../helpers/server';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

describe('the attachments folder', () => {
  it('is ATTACHMENTS_DIR when set (absolute), else left to the server (DATA_DIR/attachments)', () => {
    expect(readConfig({ ATTACHMENTS_DIR: 'shared/files' }).attachmentsDir).toBe(resolve('shared/files'));
    expect(readConfig({}).attachmentsDir).toBeUndefined();
  });

  it('keeps uploads in the folder given, and clears temporary files over an hour old at start', async () => {
    const root = makeTempDir();
    dirs.push(root);
    const shared = join(root, 'shared');
    mkdirSync(join(shared, 'ab'), { recursive: true });
    const stale = join(shared, 'ab', `.incoming-${'ab'.repeat(32)}-0011223344556677`);
    const fresh = join(shared, 'ab', `.incoming-${'ab'.repeat(32)}-8899aabbccddeeff`);
    writeFileSync(stale, 'half a photo');
    writeFileSync(fresh, 'another server is writing this one');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(stale, twoHoursAgo, twoHoursAgo);

    const deviceToken = newToken();
    const running = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(root, 'data'), attachmentsDir: shared, deviceToken, rateLimit: TEST_RATE_LIMIT });
    try {
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(fresh)).toBe(true);
      const bytes = pngBytes();
      const sha256 = sha256Of(bytes);
      const server = { url: running.url, deviceToken } as TestServer;
      expect((await putFile(server, randomUUID(), bytes)).status).toBe(201);
      expect(readFileSync(join(shared, sha256.slice(0, 2), sha256)).equals(Buffer.from(bytes))).toBe(true);
      expect(existsSync(join(root, 'data', 'attachments', sha256.slice(0, 2)))).toBe(false);
    } finally {
      await running.close();
    }
  });
});
