// What the attachment tests share: a form with a photo and a file question, files whose bytes
// start as their type says, uploads through fetch or a raw request, and one suite per engine
// (a real SQLite file, then a throwaway PostgreSQL cluster) against a real server on 127.0.0.1.
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { DATABASE_FILE } from '../../server/store/sqlite';
import { attachmentName, type Attachment } from '../../src/forms/attachments';
import type { Answers, FormInput } from '../../src/forms/schema';
import type { Submission } from '../../src/forms/submission';
import { makeSubmission } from '../fixtures/submissions';
import { describeWithPostgres, queryValueSync, startCluster, type TestCluster } from './postgres';
import { readAnswer, startTestServer, type Answer, type TestServer } from './server';

/** A site visit: a place, a photo (image) and a report (file). */
export const MEDIA_FORM: FormInput = {
  id: 'site-visit',
  version: 1,
  title: 'Site visit',
  sections: [
    {
      id: 'main',
      title: 'Main',
      questions: [
        { id: 'site', type: 'text', label: 'Site' },
        { id: 'photo', type: 'image', label: 'Photo' },
        { id: 'report', type: 'file', label: 'Report' },
      ],
    },
  ],
};

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** `size` random bytes behind a PNG signature. */
export function pngBytes(size = 4096): Uint8Array {
  const bytes = new Uint8Array(randomBytes(size));
  bytes.set(PNG_SIGNATURE);
  return bytes;
}

/** `size` random bytes behind the `%PDF-` marker (files are not sniffed; it just looks the part). */
export function pdfBytes(size = 2048): Uint8Array {
  const bytes = new Uint8Array(randomBytes(size));
  bytes.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
  return bytes;
}

/** A manifest entry for `bytes` answering `question`. */
export function entryOf(question: string, bytes: Uint8Array, type: string): Attachment {
  const sha256 = sha256Of(bytes);
  return { name: attachmentName(question, sha256, type), sha256, size: bytes.length, type };
}

/** A submission of MEDIA_FORM whose answers name each entry (by the question its name starts with). */
export function mediaSubmission(entries: readonly Attachment[], id: string = crypto.randomUUID()): Submission {
  const answers: Answers = { site: 'Kara' };
  for (const entry of entries) answers[entry.name.slice(0, entry.name.lastIndexOf('-'))] = entry.name;
  return { ...makeSubmission('workshop-feedback', { id }), formId: MEDIA_FORM.id, formVersion: 1, answers, ...(entries.length > 0 && { attachments: [...entries] }) };
}

export interface MediaServer extends TestServer {
  attachmentsDir: string;
  /** Rows in the attachments table (of one submission, or all), read through a connection of its own. */
  rows: (submissionId?: string) => number;
}

export const uploadPath = (submissionId: string, sha256: string) => `/api/v1/submissions/${submissionId}/attachments/${sha256}`;

/** PUTs a file with fetch (Content-Length set); `type: null` sends no Content-Type. */
export async function putFile(server: TestServer, submissionId: string, bytes: Uint8Array, options: { sha256?: string; type?: string | null; token?: string | null } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? server.deviceToken : options.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  const type = options.type === undefined ? 'image/png' : options.type;
  if (type !== null) headers['Content-Type'] = type;
  const response = await fetch(`${server.url}${uploadPath(submissionId, options.sha256 ?? sha256Of(bytes))}`, { method: 'PUT', headers, body: Uint8Array.from(bytes) });
  return readAnswer(response);
}

/**
 * A PUT through node:http that sends `chunk` again and again (chunked unless `headers` declare a
 * Content-Length) until the server answers or `total` bytes went out; the answer's status and body.
 */
export function pumpPut(server: TestServer, path: string, headers: Record<string, string>, chunk: Uint8Array, total: number): Promise<{ status: number | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method: 'PUT', headers: { Authorization: `Bearer ${server.deviceToken}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', () => {}); // the server stops reading and closes: a late EPIPE is expected
    req.on('close', () => setTimeout(() => reject(new Error('no answer')), 2_000).unref());
    let sent = 0;
    const pump = () => {
      while (sent < total && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

/** Every file under the attachments folder, as `ab/name`. */
export function filesUnder(dir: string): string[] {
  let folders: string[];
  try {
    folders = readdirSync(dir);
  } catch {
    return [];
  }
  return folders.flatMap((folder) => readdirSync(join(dir, folder)).map((name) => `${folder}/${name}`));
}

/** Temporary files of uploads in progress (or left behind). */
export const tempFilesUnder = (dir: string) => filesUnder(dir).filter((path) => path.includes('/.incoming-'));

async function startMediaServer(databaseUrl?: string): Promise<MediaServer> {
  const server = await startTestServer(databaseUrl ? { databaseUrl } : {});
  const published = await fetch(`${server.url}/api/v1/forms`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.coordinatorToken}` },
    body: JSON.stringify(MEDIA_FORM),
  });
  expect((await readAnswer(published)).status).toBe(201);
  const rows = (submissionId?: string) => {
    if (submissionId !== undefined && !/^[0-9a-f-]{36}$/.test(submissionId)) throw new Error('not a uuid');
    const where = submissionId === undefined ? '' : ` WHERE submission_id = '${submissionId}'`;
    if (databaseUrl) return Number(queryValueSync(databaseUrl, `SELECT count(*) FROM attachments${where}`));
    const db = new Database(join(server.dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
    try {
      return (db.prepare(`SELECT count(*) AS n FROM attachments${where}`).get() as { n: number }).n;
    } finally {
      db.close();
    }
  };
  return { ...server, attachmentsDir: join(server.dataDir, 'attachments'), rows };
}

/** `body` once against a server on a SQLite file and once against one on PostgreSQL; `server()` is that suite's server. */
export function describeEachEngine(name: string, body: (server: () => MediaServer) => void): void {
  describe(`${name} (SQLite)`, () => {
    let server: MediaServer | undefined;
    beforeAll(async () => {
      server = await startMediaServer();
    });
    afterAll(async () => {
      await server?.stop();
    });
    body(() => server!);
  });
  describeWithPostgres(`${name} (PostgreSQL)`, () => {
    let cluster: TestCluster | undefined;
    let server: MediaServer | undefined;
    beforeAll(async () => {
      cluster = await startCluster();
      server = await startMediaServer(await cluster.createDatabase());
    }, 60_000);
    afterAll(async () => {
      await server?.stop();
      cluster?.destroy();
    });
    body(() => server!);
  });
}
