// The app is installable: manifest and icons served and valid; the worker precaches the whole
// shell (index.html included, itself never) and the server marks what must be revalidated.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, expect, inject, it } from 'vitest';
import { describeInBrowser, type Page, useAppInBrowser } from '../helpers/browser';
import { precacheList, waitUntilControlled } from '../helpers/pwa';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk, which must come first. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every file of a build, as URL paths without the leading slash. */
function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => relative(dir, join(dir, f)).split('\\').join('/'));
}

interface Manifest {
  id: string;
  name: string;
  short_name: string;
  start_url: string;
  scope: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: Array<{ src: string; sizes: string; type: string; purpose?: string }>;
}

describeInBrowser('installable app shell', () => {
  const app = useAppInBrowser();
  let page: Page;

  beforeAll(async () => {
    page = await (await app.browser.newContext()).newPage();
  });

  it('serves a valid manifest and real PNG icons of the sizes it names', async () => {
    const response = await fetch(`${app.server.url}/manifest.webmanifest`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const manifest = (await response.json()) as Manifest;
    expect(manifest).toMatchObject({ id: '/', name: 'Fieldbook', start_url: '/', scope: '/', display: 'standalone', theme_color: '#1d4f91' });
    expect(manifest.short_name.length).toBeGreaterThan(0);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of manifest.icons) {
      const res = await fetch(new URL(icon.src, app.server.url));
      expect(res.headers.get('content-type'), icon.src).toBe('image/png');
      const { width, height } = pngSize(Buffer.from(await res.arrayBuffer()));
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    }
    const favicon = await fetch(`${app.server.url}/favicon.svg`);
    expect(favicon.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('serves the worker and the page for revalidation on every visit', async () => {
    for (const path of ['/sw.js', '/', '/index.html', '/manifest.webmanifest']) {
      const res = await fetch(`${app.server.url}${path}`);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
    }
    expect((await fetch(`${app.server.url}/sw.js`)).headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('precaches every file of the build but the worker, with revisions', () => {
    const distDir = inject('distDir');
    const entries = precacheList(distDir);
    const urls = entries.map((e) => e.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toContain('index.html');
    expect(urls).not.toContain('sw.js');
    expect([...urls].sort()).toEqual(filesIn(distDir).filter((f) => f !== 'sw.js').sort());
    // Hashed files carry their revision in their name; everything else has one computed.
    for (const entry of entries) expect(entry.revision !== null || entry.url.startsWith('assets/'), entry.url).toBe(true);
    const kilobytes = urls.reduce((sum, url) => sum + statSync(join(distDir, url)).size, 0) / 1024;
    console.info(`precache: ${entries.length} entries, ${kilobytes.toFixed(1)} KB`);
  });

  it('is installable in Chromium, with the shell in the worker cache', async () => {
    await page.goto(app.server.url);
    await waitUntilControlled(page);
    const cdp = await page.context().newCDPSession(page);
    const { errors: manifestErrors } = (await cdp.send('Page.getAppManifest')) as { errors: Array<{ message: string }> };
    expect(manifestErrors).toEqual([]);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Playwright's contexts are off the record, which Chromium never offers to install; it still
    // reports every other missing criterion (icons, display, worker), and none may be missing.
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);

    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    });
    expect(cached).toContain('/index.html');
    expect(cached).not.toContain('/sw.js');
  });
});
