// Draws the app's icons once, from one SVG, and writes them into public/ to be committed:
// the SVG favicon and the PNGs the manifest names (192, 512 and a maskable 512). Run with
// `npx tsx scripts/make-icons.ts` after changing the drawing; Chromium does the rasterizing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const THEME_COLOUR = '#1d4f91';

/** A survey sheet with a tick, on the header's blue; drawn on a 512 grid. */
const GLYPH = `
  <rect x="136" y="88" width="240" height="336" rx="24" fill="#ffffff"/>
  <rect x="176" y="148" width="160" height="20" rx="10" fill="#9fb6d6"/>
  <rect x="176" y="200" width="160" height="20" rx="10" fill="#9fb6d6"/>
  <rect x="176" y="252" width="100" height="20" rx="10" fill="#9fb6d6"/>
  <path d="M184 336 l40 40 l88 -88" fill="none" stroke="${THEME_COLOUR}" stroke-width="32" stroke-linecap="round" stroke-linejoin="round"/>`;

/** Rounded tile for browsers that show the icon as drawn. */
const ANY_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="96" fill="${THEME_COLOUR}"/>${GLYPH}
</svg>
`;

/** Full bleed, glyph shrunk into the central safe circle (radius 40%) that any mask keeps. */
const MASKABLE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" fill="${THEME_COLOUR}"/>
  <g transform="translate(256 256) scale(0.8) translate(-256 -256)">${GLYPH}</g>
</svg>
`;

const PNGS = [
  { file: 'icons/icon-192.png', size: 192, svg: ANY_SVG },
  { file: 'icons/icon-512.png', size: 512, svg: ANY_SVG },
  { file: 'icons/icon-maskable-512.png', size: 512, svg: MASKABLE_SVG },
];

async function main(): Promise<void> {
  mkdirSync(join(PUBLIC_DIR, 'icons'), { recursive: true });
  writeFileSync(join(PUBLIC_DIR, 'favicon.svg'), ANY_SVG);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const { file, size, svg } of PNGS) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setContent(`<body style="margin:0"><img src="${src}" width="${size}" height="${size}" style="display:block"></body>`);
      await page.locator('img').evaluate((img) => (img as unknown as { decode: () => Promise<void> }).decode());
      // Transparent outside the rounded tile, so the corners are not white squares.
      writeFileSync(join(PUBLIC_DIR, file), await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

await main();
