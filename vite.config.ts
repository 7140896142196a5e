/// <reference types="vitest/config" />
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };

/** The header's colour, also the browser's toolbar colour when installed. */
const THEME_COLOUR = '#1d4f91';
/** The page background, shown on the splash screen while the app starts. */
const BACKGROUND_COLOUR = '#f6f8fb';

// Browser tests drive the production build, so they run in Node, one file at a time.
export default defineConfig({
  plugins: [
    preact(),
    VitePWA({
      // Our own worker (sw/sw.ts, its own tsconfig) with the precache list injected at build time.
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      // src/pwa/sw-bridge.ts registers the worker; nothing is injected into index.html but the manifest link.
      injectRegister: false,
      injectManifest: {
        // Code, styles, the page and the favicon; the plugin adds the manifest and its icons itself.
        // sw.js is never listed (workbox-build leaves out the worker it writes).
        globPatterns: ['**/*.{js,css,html,svg}'],
      },
      manifest: {
        id: '/',
        name: 'Fieldbook',
        short_name: 'Fieldbook',
        description: pkg.description,
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: THEME_COLOUR,
        background_color: BACKGROUND_COLOUR,
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: { target: 'es2022', sourcemap: false },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['tests/{forms,storage,ui,export,results,sync,i18n,pwa,workshop}/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/helpers/setup-unit.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/helpers/build-app.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
