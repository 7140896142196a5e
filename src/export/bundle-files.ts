// Which files a bundle's submissions name, and whether its files index says the same: every file a
// manifest names is listed once with its size, and nothing else is. Read from the submissions as
// they came (unchecked), so a bundle is refused before any file is read, let alone kept.
import type { Submission } from '../forms/submission';
import { refused, type BundleFile, type BundleRefusal } from './bundle';

/** A file as the manifests name it: its size, and the first submission and name naming it (for messages). */
export interface NamedFile extends BundleFile {
  name: string;
  submissionId: string;
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The files the submissions' manifests name, by sha256, in first-named order. Entries that are not
 * even shaped like one are left to the check of each submission, which refuses them.
 */
export function filesNamed(submissions: readonly unknown[]): { files: Map<string, NamedFile>; clash?: NamedFile } {
  const files = new Map<string, NamedFile>();
  for (const s of submissions) {
    const { id, attachments } = (typeof s === 'object' && s !== null ? s : {}) as { id?: unknown; attachments?: unknown };
    if (!Array.isArray(attachments)) continue;
    for (const a of attachments as unknown[]) {
      const { name, sha256, size } = (typeof a === 'object' && a !== null ? a : {}) as { name?: unknown; sha256?: unknown; size?: unknown };
      if (typeof sha256 !== 'string' || !SHA256.test(sha256) || typeof size !== 'number') continue;
      const named: NamedFile = { sha256, size, name: String(name), submissionId: String(id) };
      const earlier = files.get(sha256);
      // One content has one size: two manifests saying otherwise cannot both be right.
      if (earlier && earlier.size !== size) return { files, clash: named };
      if (!earlier) files.set(sha256, named);
    }
  }
  return { files };
}

/** The files index of typed submissions (a bundle being made): each content once, in first-named order. */
export function filesIndex(submissions: readonly Submission[]): BundleFile[] {
  return [...filesNamed(submissions).files.values()].map(({ sha256, size }) => ({ sha256, size }));
}

/** The English sentence for a file a manifest names that the bundle does not hold. */
export function missingFile(file: NamedFile): BundleRefusal {
  return refused(
    'file-missing',
    `This bundle is incomplete: the file ${file.name} of response ${file.submissionId} is not in it, so nothing was imported. Export it again from the device.`,
    file.name,
  );
}

/**
 * Whether the index (`files` of a version 2 envelope; none for version 1) lists exactly the files
 * the manifests name, each once with the same size. Undefined when it does.
 */
export function checkFilesIndex(submissions: readonly unknown[], index: readonly BundleFile[]): BundleRefusal | undefined {
  const { files, clash } = filesNamed(submissions);
  if (clash) {
    return refused('malformed', `This bundle is malformed: the file ${clash.name} of response ${clash.submissionId} has another size elsewhere in it.`, `${clash.name}: another size elsewhere`);
  }
  const listed = new Map<string, BundleFile>();
  for (const file of index) {
    const named = files.get(file.sha256);
    const short = `${file.sha256.slice(0, 12)}…`;
    if (listed.has(file.sha256)) return refused('malformed', `This bundle is malformed: its files index lists ${short} twice.`, `files: ${short} listed twice`);
    if (!named) return refused('malformed', `This bundle is malformed: it lists a file (${short}) that no response names.`, `files: ${short} named by no response`);
    if (named.size !== file.size) return refused('malformed', `This bundle is malformed: the file ${named.name} has another size in its files index than in its response.`, `files: ${named.name} has another size`);
    listed.set(file.sha256, file);
  }
  for (const named of files.values()) if (!listed.has(named.sha256)) return missingFile(named);
  return undefined;
}
