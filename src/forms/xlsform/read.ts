// Reading the .xlsx container, with read-excel-file loaded only when a workbook is read: it never
// weighs on the app's first visit. Works in Node and in the browser (the library's universal build).
import type { RawSheet } from './workbook';

/** The sheets of an .xlsx file, in workbook order; throws when the bytes are not a readable .xlsx. */
export async function readWorkbook(bytes: ArrayBuffer | Uint8Array): Promise<RawSheet[]> {
  const { default: readXlsxFile } = await import('read-excel-file/universal');
  const buffer = bytes instanceof Uint8Array ? (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer) : bytes;
  const sheets = await readXlsxFile(buffer);
  return sheets.map((s) => ({ name: s.sheet, rows: s.data as RawSheet['rows'] }));
}
