// Unit tests get a fresh in-memory IndexedDB; browser tests use Chromium's real one.
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

afterEach(() => cleanup());
