// Vitest global setup for browser tests: build the production app once, as users get it, into a
// folder of this run's own (so parallel runs never serve each other's half-written build).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { HAS_CHROMIUM } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The production build the browser tests serve. */
    distDir: string;
  }
}

/**
 * Builds the production app into `outDir` (a temp folder, never the shared dist/).
 * `appVersion` replaces package.json's version, giving a second, different build for update tests.
 */
export async function buildApp(outDir: string, options: { appVersion?: string } = {}): Promise<void> {
  // Vitest sets NODE_ENV=test, and Vite then builds with import.meta.env.PROD false (no service
  // worker, dev-only code kept): build as `npm run build` does, then put it back.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
      ...(options.appVersion !== undefined && { define: { __APP_VERSION__: JSON.stringify(options.appVersion) } }),
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const outDir = mkdtempSync(join(tmpdir(), 'fieldbook-dist-'));
  if (HAS_CHROMIUM) await buildApp(outDir);
  project.provide('distDir', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
