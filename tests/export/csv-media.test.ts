// Photos, recordings and files in CSV (docs/attachments.md, "For the coordinator"): a media
// question's one column holds the file's name, with or without labels, in the main file and in
// the repeats' files; the device's export gives the same bytes as the server's writers.
import { unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { BOM, csvColumns } from '../../src/export/csv';
import { repeatCsvLayout } from '../../src/export/csv-repeat';
import { csvLayout } from '../../src/export/csv-versions';
import { exportFormFiles } from '../../src/export/device-csv';
import type { CsvOptions } from '../../src/export/csv';
import type { Submission } from '../../src/forms/submission';
import { CARD_1, CARD_2, CLIP, MEDIA_FORM, NESTED_MEDIA, PDF, PHOTO, VOICE, mediaSubmission } from '../fixtures/media-form';
import { parseCsv } from '../helpers/csv-parse';
import { storeFinalized } from '../helpers/local-records';
import { resetStorage } from '../helpers/reset-storage';

beforeEach(resetStorage);

const text = (bytes: Uint8Array | undefined) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/** The server's file for the main CSV or a repeat's (server/routes/export.ts), from the shared writers. */
function serverFile(submissions: readonly Submission[], options: CsvOptions, repeat?: string): string {
  const layout = repeat === undefined ? csvLayout([MEDIA_FORM]) : repeatCsvLayout([MEDIA_FORM], repeat)!;
  const row = 'row' in layout ? layout.row : layout.rows;
  return BOM + layout.header + submissions.map((s) => row(MEDIA_FORM, s, options)).join('');
}

const SUBMISSIONS: Submission[] = [
  { ...mediaSubmission(NESTED_MEDIA, [PHOTO, CARD_1, CARD_2, VOICE, CLIP]), id: '0190c6a0-0000-7000-8000-000000000001' },
  { ...mediaSubmission({ report: PDF.name }, [PDF]), id: '0190c6a0-0000-7000-8000-000000000002' },
];

describe('media questions in CSV', () => {
  it('have one column each, named by the question', () => {
    expect(csvColumns(MEDIA_FORM).slice(7)).toEqual(['photo', 'report', 'sex']);
    expect(repeatCsvLayout([MEDIA_FORM], 'member')!.header).toBe('submission_id,repeat_index,parent_index,id_card\r\n');
    expect(repeatCsvLayout([MEDIA_FORM], 'visit')!.header).toBe('submission_id,repeat_index,parent_index,voice,clip\r\n');
  });

  it.each([false, true])('hold the file names (labels: %s), the device\'s export the same bytes as the server\'s', async (labels) => {
    await storeFinalized(SUBMISSIONS);
    const now = new Date('2026-02-03T10:00:00Z');
    const { blob, fileName } = await exportFormFiles(MEDIA_FORM, { labels }, now);
    expect(fileName).toBe('media-form-2026-02-03.zip');
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    const main = text(files['media-form-2026-02-03.csv']);
    const members = text(files['media-form-member-2026-02-03.csv']);
    const visits = text(files['media-form-visit-2026-02-03.csv']);
    expect(main).toBe(serverFile(SUBMISSIONS, { labels }));
    expect(members).toBe(serverFile(SUBMISSIONS, { labels }, 'member'));
    expect(visits).toBe(serverFile(SUBMISSIONS, { labels }, 'visit'));

    const [id1, id2] = SUBMISSIONS.map((s) => s.id);
    const sex = labels ? 'Female' : 'female';
    expect(parseCsv(main.slice(1)).map((r) => r.slice(7))).toEqual([
      ['photo', 'report', 'sex'],
      [PHOTO.name, '', sex],
      ['', PDF.name, sex],
    ]);
    expect(parseCsv(members.slice(1))).toEqual([
      ['submission_id', 'repeat_index', 'parent_index', 'id_card'],
      [id1, '1', '', CARD_1.name],
      [id1, '2', '', CARD_2.name],
    ]);
    expect(parseCsv(visits.slice(1))).toEqual([
      ['submission_id', 'repeat_index', 'parent_index', 'voice', 'clip'],
      [id1, '1', '1', VOICE.name, ''],
      [id1, '2', '1', '', CLIP.name],
    ]);
  });
});
