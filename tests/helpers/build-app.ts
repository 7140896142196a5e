// Vitest global setup for browser tests: build the production app once, as users get it, into a
// folder of this run's own (so parallel runs never serve each other's half-written build).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { HAS_CHROMIUM } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The production build the browser tests serve. */
    distDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const outDir = mkdtempSync(join(tmpdir(), 'fieldbook-dist-'));
  if (HAS_CHROMIUM) await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  project.provide('distDir', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
