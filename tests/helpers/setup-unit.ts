// Unit tests get a fresh in-memory IndexedDB; browser tests use Chromium's real one.
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { afterEach, vi } from 'vitest';
import { markFirstScreenShown } from '../../src/ui/first-screen';

// No network in unit tests: happy-dom's fetch would really connect to localhost:3000 (the
// connectivity check, the sync engine). A test that needs answers stubs fetch itself.
vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Unit tests have no network')));

afterEach(() => cleanup());

// Unit tests render screens on their own, with no first screen to wait for.
markFirstScreenShown();
