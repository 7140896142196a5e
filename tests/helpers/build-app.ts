// Vitest global setup for browser tests: build the production app once, as users get it.
import { build } from 'vite';
import { HAS_CHROMIUM } from './browser';

export default async function setup(): Promise<void> {
  if (!HAS_CHROMIUM) return;
  await build({ logLevel: 'warn' });
}
