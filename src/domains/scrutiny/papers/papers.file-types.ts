import { parse as parseCsv } from 'csv-parse/sync';
import yauzl from 'yauzl';
import type { PaperMediaType } from '../scrutiny-papers.tables.ts';

/** The largest paper accepted. Agenda packs are split into papers, and one paper is rarely over a few MB. */
export const PAPER_MAX_BYTES = 20 * 1024 * 1024;
export const PAPER_MAX_MEGABYTES = PAPER_MAX_BYTES / 1024 / 1024;

export const PAPER_KINDS: Record<PaperMediaType, { extension: string; label: string }> = {
  'application/pdf': { extension: 'pdf', label: 'PDF' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    extension: 'docx',
    label: 'Word document (DOCX)',
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    extension: 'xlsx',
    label: 'Excel spreadsheet (XLSX)',
  },
  'application/vnd.oasis.opendocument.text': { extension: 'odt', label: 'OpenDocument text (ODT)' },
  'text/csv': { extension: 'csv', label: 'CSV' },
};

const ALLOWED_WORDS = 'a PDF, DOCX, XLSX, ODT or CSV file';
const BY_EXTENSION = new Map(
  Object.entries(PAPER_KINDS).map(([mediaType, kind]) => [kind.extension, mediaType as PaperMediaType]),
);

const PDF_MAGIC = Buffer.from('%PDF-');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// The container of legacy .doc/.xls files, and of password-protected .docx/.xlsx files.
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
// OpenDocument puts an uncompressed 'mimetype' entry first, so its type sits at a fixed offset.
const ODT_MIMETYPE = Buffer.from('mimetypeapplication/vnd.oasis.opendocument.text');
const ODT_MIMETYPE_OFFSET = 30;

export type PaperCheck =
  | { ok: true; mediaType: PaperMediaType; fileName: string }
  | { ok: false; message: string };

/**
 * Whether an uploaded file may be a paper, judged by its content: its magic bytes and, for the zip-based
 * formats, the entries that make it a Word, Excel or OpenDocument file. The name's extension must also be
 * an allowed one and agree with the content. Macro-enabled and password-protected files are refused: a
 * paper is for reading, and Peelian cannot check what it cannot open. The message is written for the
 * person who chose the file.
 */
export async function checkPaperFile(originalName: string, bytes: Buffer): Promise<PaperCheck> {
  if (bytes.length === 0) return { ok: false, message: 'The selected file is empty' };
  if (bytes.length > PAPER_MAX_BYTES) return { ok: false, message: tooLargeMessage() };
  const extension = /\.([A-Za-z0-9]+)$/.exec(originalName)?.[1]?.toLowerCase() ?? '';
  const named = BY_EXTENSION.get(extension);
  if (!named) return { ok: false, message: `The selected file must be ${ALLOWED_WORDS}` };
  const detected = await detectContent(bytes);
  if (!detected.ok)
    return { ok: false, message: `The selected file must be ${ALLOWED_WORDS}: ${detected.why}` };
  if (detected.mediaType !== named)
    return {
      ok: false,
      message: `The selected file is named .${extension} but its content is a ${PAPER_KINDS[detected.mediaType].label}: check you chose the right file`,
    };
  return { ok: true, mediaType: detected.mediaType, fileName: safeFileName(originalName, extension) };
}

export function tooLargeMessage(): string {
  return `The selected file must be smaller than ${PAPER_MAX_MEGABYTES} MB`;
}

type Detected = { ok: true; mediaType: PaperMediaType } | { ok: false; why: string };

async function detectContent(bytes: Buffer): Promise<Detected> {
  if (startsWith(bytes, PDF_MAGIC)) {
    // A PDF ends with %%EOF (perhaps followed by a line end); without it the file was cut short.
    if (!bytes.subarray(-1024).includes('%%EOF')) return { ok: false, why: 'this PDF is incomplete' };
    return { ok: true, mediaType: 'application/pdf' };
  }
  if (startsWith(bytes, OLE_MAGIC))
    return {
      ok: false,
      why: 'this is an older Office file (.doc or .xls) or a password-protected one; save it as an unprotected .docx, .xlsx or PDF',
    };
  if (startsWith(bytes, ZIP_MAGIC)) return detectZip(bytes);
  return detectCsv(bytes);
}

async function detectZip(bytes: Buffer): Promise<Detected> {
  const names = new Set<string>();
  let zip: yauzl.ZipFile | undefined;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
    for await (const entry of zip.eachEntry()) {
      if (entry.isEncrypted()) return { ok: false, why: 'it is password-protected' };
      names.add(entry.fileName);
    }
  } catch {
    return { ok: false, why: 'it is a damaged zip file' };
  } finally {
    zip?.close();
  }
  const entries = [...names];
  if (entries.some((name) => /(^|\/)vbaProject\.bin$/i.test(name) || name.startsWith('Basic/')))
    return { ok: false, why: 'it contains macros; save it without them' };
  if (
    bytes.subarray(ODT_MIMETYPE_OFFSET, ODT_MIMETYPE_OFFSET + ODT_MIMETYPE.length).equals(ODT_MIMETYPE) &&
    names.has('content.xml')
  )
    return { ok: true, mediaType: 'application/vnd.oasis.opendocument.text' };
  if (names.has('[Content_Types].xml') && names.has('word/document.xml'))
    return { ok: true, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
  if (names.has('[Content_Types].xml') && names.has('xl/workbook.xml'))
    return { ok: true, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  return { ok: false, why: 'it is a zip file but not a Word, Excel or OpenDocument text file' };
}

/** CSV has no magic bytes: it must be UTF-8 text, free of control characters, that parses as CSV. */
function detectCsv(bytes: Buffer): Detected {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, why: 'its content is not a recognised document, nor text in UTF-8' };
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text))
    return { ok: false, why: 'its content is not a recognised document, nor plain text' };
  try {
    parseCsv(text, { relax_column_count: true });
  } catch (error) {
    return { ok: false, why: `it is not well-formed CSV (${(error as Error).message})` };
  }
  return { ok: true, mediaType: 'text/csv' };
}

function startsWith(bytes: Buffer, magic: Buffer): boolean {
  return bytes.subarray(0, magic.length).equals(magic);
}

/**
 * The name a paper is served under: the uploaded name's last part, reduced to letters, digits, dots, dashes
 * and underscores (accents dropped), with the extension its content proved. Never a path.
 */
export function safeFileName(originalName: string, extension: string): string {
  const base = (originalName.split(/[\\/]/).pop() ?? '')
    .replace(/\.[A-Za-z0-9]+$/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '')
    .slice(0, 100);
  return `${base || 'paper'}.${extension}`;
}
