// The one benchmark figure CI enforces, because it is deterministic: what a first visit downloads.
import { expect, it } from 'vitest';
import { BUDGETS } from '../../bench/budgets';
import { firstVisit } from '../../bench/lib/first-visit';
import { describeInBrowser, useAppInBrowser } from '../helpers/browser';

describeInBrowser('first-visit size', () => {
  const app = useAppInBrowser();

  it(`home renders from at most ${BUDGETS.firstVisitKB.max} KB gzipped`, async () => {
    const visit = await firstVisit(app.browser, app.server.url);
    const kb = visit.gzipBytes / 1024;
    const detail = visit.resources.map((r) => `${new URL(r.url).pathname} ${(r.gzipBytes / 1024).toFixed(1)} KB`).join(', ');
    expect(visit.resources.length, detail).toBeGreaterThan(1);
    expect(kb, detail).toBeLessThanOrEqual(BUDGETS.firstVisitKB.max);
  });
});
