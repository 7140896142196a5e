// The real server on 127.0.0.1 with a fresh data folder, serving this run's production build.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { startServer, type RunningServer, type ServerOptions } from '../../server/server';

/** Starts the app's server on a free port; `stop` also removes a data folder it made. */
export async function startAppServer(options: Partial<ServerOptions> = {}): Promise<RunningServer & { stop: () => Promise<void> }> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'fieldbook-browser-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', distDir: inject('distDir') || undefined, ...options, dataDir });
  return {
    ...server,
    stop: async () => {
      await server.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
