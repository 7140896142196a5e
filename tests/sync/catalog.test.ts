// The catalog refresh: a 200 is taken in and its ETag kept, the ETag is sent back, a 304 or a
// network failure changes nothing on the device.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FORMS } from '../../src/forms';
import { parseForm } from '../../src/forms/load';
import { loadForm } from '../../src/storage/catalog';
import { getCatalogTag } from '../../src/storage/settings';
import { refreshCatalog } from '../../src/sync/catalog';
import { definitionWith } from '../fixtures/forms';
import { resetStorage } from '../helpers/reset-storage';

const published = parseForm({ ...definitionWith([{ id: 'name', type: 'text', label: 'Name' }]), id: 'refresh-form', version: 2 });
const body = JSON.stringify({ forms: [...FORMS, published], states: { 'refresh-form': 'open' } });

beforeEach(resetStorage);
afterEach(() => vi.unstubAllGlobals());

describe('refreshCatalog', () => {
  it('takes in a changed catalog, keeps its ETag, and sends it back next time', async () => {
    const seen: (string | null)[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      const tag = new Headers(init.headers).get('If-None-Match');
      seen.push(tag);
      return tag === '"v1"' ? new Response(null, { status: 304 }) : new Response(body, { status: 200, headers: { ETag: '"v1"' } });
    });
    expect(await refreshCatalog('http://server.test')).toEqual({ changed: true, added: 1 });
    expect(await getCatalogTag()).toBe('"v1"');
    expect((await loadForm('refresh-form'))?.version).toBe(2);
    expect(await refreshCatalog('http://server.test')).toEqual({ changed: false });
    expect(seen).toEqual([null, '"v1"']);
  });

  it('changes nothing when offline or the server fails', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
    expect(await refreshCatalog('http://server.test')).toEqual({ changed: false });
    vi.stubGlobal('fetch', async () => new Response('oops', { status: 500 }));
    expect(await refreshCatalog('http://server.test')).toEqual({ changed: false });
    expect(await getCatalogTag()).toBeUndefined();
  });

  it('takes in the forms it can read when one needs a newer app, keeps the one it knew, and asks again without the tag', async () => {
    const v1 = parseForm({ ...definitionWith([{ id: 'name', type: 'text', label: 'Name' }]), id: 'future-form', version: 1 });
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ forms: [...FORMS, v1], states: { 'future-form': 'open' } }), { status: 200, headers: { ETag: '"a"' } }));
    await refreshCatalog('http://server.test');
    expect(await getCatalogTag()).toBe('"a"');
    // Version 2 uses a question type this app does not know; another new form is readable.
    const future = { ...v1, version: 2, sections: [{ id: 's', title: 'S', questions: [{ id: 'scan', type: 'hologram', label: 'Scan' }] }] };
    const other = parseForm({ ...definitionWith([{ id: 'x', type: 'text', label: 'X' }]), id: 'other-form', version: 1 });
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ forms: [...FORMS, future, other], states: { 'future-form': 'open', 'other-form': 'open' } }), { status: 200, headers: { ETag: '"b"' } }));
    expect(await refreshCatalog('http://server.test')).toEqual({ changed: true, added: 1 });
    expect((await loadForm('other-form'))?.version).toBe(1);
    expect((await loadForm('future-form'))?.version).toBe(1);
    expect(await getCatalogTag()).toBe('"a"');
  });
});
