// The real server on 127.0.0.1 with a fresh data folder, serving the production build.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../server/server';

/** Starts the app's server on a free port; `stop` also removes its data folder. */
export async function startAppServer(options: { dataDir?: string; port?: number } = {}): Promise<RunningServer & { stop: () => Promise<void> }> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'fieldbook-browser-'));
  const server = await startServer({ port: options.port ?? 0, host: '127.0.0.1', dataDir });
  return {
    ...server,
    stop: async () => {
      await server.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
