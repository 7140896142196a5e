// Ingest rate over loopback: one device drains 10,000 queued submissions in batches of
// 200 against a real server (default rate limit, real SQLite file), then the coordinator
// exports them. Prints figures; asserts nothing. Run: npx tsx scripts/bench-ingest.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../server/server';
import { SubmitResponseSchema } from '../src/sync/api';
import { makeSubmissions } from '../tests/fixtures/submissions';

const TOTAL = Number(process.env.BENCH_SUBMISSIONS ?? 10_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 200);

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, distDir: join(dataDir, 'no-dist') });
  try {
    const submissions = makeSubmissions(TOTAL, 'workshop-feedback', { answerAll: true });
    const bodies: string[] = [];
    for (let i = 0; i < TOTAL; i += BATCH) bodies.push(JSON.stringify({ submissions: submissions.slice(i, i + BATCH) }));

    const started = performance.now();
    let stored = 0;
    for (const body of bodies) {
      const response = await fetch(`${server.url}/api/v1/submissions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.tokens.device}`, 'Content-Type': 'application/json' },
        body,
      });
      if (response.status !== 200) throw new Error(`batch answered ${response.status}: ${await response.text()}`);
      stored += SubmitResponseSchema.parse(await response.json()).results.filter((r) => r.status === 'stored').length;
    }
    const ingestMs = performance.now() - started;
    if (stored !== TOTAL) throw new Error(`stored ${stored} of ${TOTAL}`);

    const exportStarted = performance.now();
    const csv = await fetch(`${server.url}/api/v1/forms/workshop-feedback/submissions.csv`, {
      headers: { Authorization: `Bearer ${server.tokens.coordinator}` },
    });
    const bytes = (await csv.arrayBuffer()).byteLength;
    const exportMs = performance.now() - exportStarted;

    console.log(`ingest: ${TOTAL} submissions in ${bodies.length} batches of ${BATCH}: ${(ingestMs / 1000).toFixed(2)} s, ` +
      `${Math.round(TOTAL / (ingestMs / 1000))} submissions/s, ${(ingestMs / bodies.length).toFixed(1)} ms per batch`);
    console.log(`export: ${TOTAL} rows, ${(bytes / 1e6).toFixed(1)} MB of CSV in ${(exportMs / 1000).toFixed(2)} s`);
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
