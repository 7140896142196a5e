// A first visit in a fresh browser profile: what it downloads and how long until home is usable.
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

export interface FirstVisit {
  /** From navigation to the home screen showing every form's counts. */
  ms: number;
  /** Sum of each response body gzipped at level 9: deterministic for a given build. */
  gzipBytes: number;
  /** Bytes on the wire as Chromium counted them (headers included). */
  wireBytes: number;
  resources: Array<{ url: string; gzipBytes: number }>;
}

/** The network of the throttled figure: 400 kbit/s both ways, 400 ms round trip. */
export const SLOW_NETWORK = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };

/** Home is interactive once every form card has its counts (Home sets data-counted). */
export const HOME_READY = () => document.querySelectorAll('[data-counted]').length >= 4;

/** Loads `url` in a new profile, counting what home needed, optionally over a throttled network. */
export async function firstVisit(browser: Browser, url: string, throttled = false): Promise<FirstVisit> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttled) await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK);
  let wireBytes = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (wireBytes += e.encodedDataLength));
  const bodies: Array<Promise<{ url: string; gzipBytes: number }>> = [];
  let ready = false;
  page.on('response', (response) => {
    // The health check renders nothing; what arrives after home is ready was not needed for it.
    if (ready || new URL(response.url()).pathname.startsWith('/api/')) return;
    bodies.push(response.body().then((b) => ({ url: response.url(), gzipBytes: gzipSync(b, { level: 9 }).length }), () => ({ url: response.url(), gzipBytes: 0 })));
  });
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(HOME_READY, undefined, { polling: 'raf', timeout: 60_000 });
  const ms = Date.now() - started;
  ready = true;
  const resources = await Promise.all(bodies);
  await context.close();
  return { ms, gzipBytes: resources.reduce((sum, r) => sum + r.gzipBytes, 0), wireBytes, resources };
}
