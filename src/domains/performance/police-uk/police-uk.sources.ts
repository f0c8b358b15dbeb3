import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import yauzl from 'yauzl';
import { PoliceUkInputError } from './police-uk.errors.ts';
import { POLICE_UK_KINDS, type PoliceUkKind } from './police-uk.layouts.ts';

/**
 * Finding the CSV files to import: plain files, gzipped files (`.csv.gz`, unpacked as they stream),
 * folders walked recursively, and police.uk `.zip` archives, read in place (one entry streamed at a
 * time, never unpacked to memory or disk).
 */

export interface PoliceUkSource {
  /** Where the file is, for people: a path, or `archive.zip!2025-01/2025-01-thames-valley-street.csv`. */
  displayName: string;
  /** The file's own name, without folders. */
  fileName: string;
  /** From a name of the form `YYYY-MM-<force>-<kind>.csv`; null when the name has another form. */
  force: string | null;
  /** `YYYY-MM`, from the file's name; null when the name has another form. */
  month: string | null;
  /** The kind the name claims; the header row decides (see police-uk.reader.ts). */
  nameKind: PoliceUkKind | null;
  /** `YYYY-MM` when the folder holding the file is named like a month; otherwise null. */
  folderMonth: string | null;
  /**
   * Size in bytes, uncompressed: for a `.csv.gz` file, as its gzip trailer records it (modulo 4 GiB),
   * so use it for progress, not as a check.
   */
  size: number;
  /** The CRC-32 the zip records for this entry, checked after reading; null for a plain file. */
  crc32: number | null;
  /** Opens a fresh stream of the file's bytes. */
  open(): Promise<Readable>;
}

export interface PoliceUkSourceList {
  /** In a stable order: by month, force, kind (street, outcomes, stop-and-search), then name. */
  sources: PoliceUkSource[];
  /** Files met inside folders and archives that are not CSV files, by display name. */
  ignored: string[];
}

const NAME_PATTERN =
  /^(\d{4}-(?:0[1-9]|1[0-2]))-([a-z0-9]+(?:-[a-z0-9]+)*?)-(street|outcomes|stop-and-search)\.csv$/i;
const MONTH_FOLDER = /^\d{4}-(?:0[1-9]|1[0-2])$/;

export interface PoliceUkFileName {
  fileName: string;
  force: string | null;
  month: string | null;
  nameKind: PoliceUkKind | null;
  folderMonth: string | null;
}

/**
 * Reads force, month and kind from a path laid out like the archive: `YYYY-MM/YYYY-MM-<force>-<kind>.csv`
 * (or the same gzipped, `.csv.gz`).
 */
export function parsePoliceUkFileName(filePath: string): PoliceUkFileName {
  const parts = filePath.split(/[\\/]/).filter((part) => part !== '');
  const fileName = parts.at(-1) ?? '';
  const folder = parts.at(-2) ?? '';
  const folderMonth = MONTH_FOLDER.test(folder) ? folder : null;
  const match = NAME_PATTERN.exec(isGzipName(fileName) ? fileName.slice(0, -3) : fileName);
  if (!match) return { fileName, force: null, month: null, nameKind: null, folderMonth };
  return {
    fileName,
    month: match[1] ?? null,
    force: match[2] ?? null,
    nameKind: (match[3]?.toLowerCase() as PoliceUkKind | undefined) ?? null,
    folderMonth,
  };
}

/**
 * Lists the CSV files under the given paths (CSV files, gzipped CSV files, folders, `.zip` archives). The same file
 * reached twice is listed once. Inside folders, hidden files are skipped and other files, zips
 * included, are listed as ignored: an archive is opened only when named itself, so a folder holding
 * both an archive and its unpacked files is not read twice. Throws PoliceUkInputError for a path that
 * does not exist, is of another type, or holds no CSV files, and for an archive that cannot be read.
 */
export async function listPoliceUkSources(paths: readonly string[]): Promise<PoliceUkSourceList> {
  const found = new Map<string, PoliceUkSource>();
  const ignored: string[] = [];
  for (const given of paths) {
    const stats = await fs.stat(given).catch((error: unknown) => {
      throw new PoliceUkInputError(given, null, describeFsError(error), { cause: error });
    });
    if (stats.isDirectory()) {
      const csvFiles = await walkFolder(given, found, ignored, new Set());
      if (csvFiles === 0) throw new PoliceUkInputError(given, null, 'the folder holds no .csv files');
    } else if (isZipName(given)) {
      await listZip(given, found, ignored);
    } else if (isCsvName(given)) {
      const realPath = await fs.realpath(given);
      if (!found.has(realPath)) found.set(realPath, await fileSource(given, realPath, stats.size));
    } else {
      throw new PoliceUkInputError(
        given,
        null,
        'is not a .csv file, a .csv.gz file, a .zip archive or a folder',
      );
    }
  }
  const sources = [...found.values()].sort(compareSources);
  return { sources, ignored };
}

async function walkFolder(
  folder: string,
  found: Map<string, PoliceUkSource>,
  ignored: string[],
  visited: Set<string>,
): Promise<number> {
  const real = await fs.realpath(folder);
  if (visited.has(real)) return 0; // a symbolic link loop
  visited.add(real);
  let csvFiles = 0;
  const entries = await fs.readdir(folder, { withFileTypes: true }).catch((error: unknown) => {
    throw new PoliceUkInputError(folder, null, describeFsError(error), { cause: error });
  });
  entries.sort((a, b) => compareText(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === '__MACOSX') continue;
    const full = path.join(folder, entry.name);
    const stats = entry.isSymbolicLink() ? await fs.stat(full).catch(() => null) : entry;
    if (stats?.isDirectory()) {
      csvFiles += await walkFolder(full, found, ignored, visited);
    } else if (stats?.isFile() && isCsvName(entry.name)) {
      csvFiles += 1;
      const realPath = await fs.realpath(full);
      if (!found.has(realPath))
        found.set(realPath, await fileSource(full, realPath, (await fs.stat(full)).size));
    } else {
      ignored.push(full);
    }
  }
  return csvFiles;
}

async function fileSource(displayName: string, realPath: string, size: number): Promise<PoliceUkSource> {
  const gzipped = isGzipName(realPath);
  return {
    displayName,
    // Resolved, so that a relative path still shows the folder the file is in.
    ...parsePoliceUkFileName(path.resolve(displayName)),
    size: gzipped ? await gzipRecordedSize(realPath, size) : size,
    crc32: null,
    open: async () => {
      const stream = createReadStream(realPath, { highWaterMark: 256 * 1024 });
      await new Promise<void>((resolve, reject) => {
        stream.once('open', () => resolve());
        stream.once('error', (error) =>
          reject(new PoliceUkInputError(displayName, null, describeFsError(error), { cause: error })),
        );
      });
      if (!gzipped) return stream;
      // A damaged gzip file fails the unpacking stream, and the reader reports it with the line reached.
      return pipeline(stream, createGunzip({ chunkSize: 256 * 1024 }), () => {});
    },
  };
}

/** The uncompressed size a gzip file records in its last four bytes (0 when the file is too short). */
async function gzipRecordedSize(realPath: string, compressedSize: number): Promise<number> {
  if (compressedSize < 18) return 0;
  const handle = await fs.open(realPath, 'r');
  try {
    const trailer = Buffer.alloc(4);
    await handle.read(trailer, 0, 4, compressedSize - 4);
    return trailer.readUInt32LE(0);
  } finally {
    await handle.close();
  }
}

async function listZip(
  zipPath: string,
  found: Map<string, PoliceUkSource>,
  ignored: string[],
): Promise<void> {
  const realZip = await fs.realpath(zipPath);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(realZip, { lazyEntries: true, autoClose: false });
  } catch (error) {
    throw new PoliceUkInputError(zipPath, null, `is not a readable zip archive (${errorText(error)})`, {
      cause: error,
    });
  }
  const listed: PoliceUkSource[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName;
      if (name.endsWith('/')) continue;
      const displayName = `${zipPath}!${name}`;
      const base = name.split('/').at(-1) ?? name;
      if (base.startsWith('._') || name.startsWith('__MACOSX/')) continue;
      if (!isCsvName(name) || isGzipName(name)) {
        ignored.push(displayName);
        continue;
      }
      if (entry.isEncrypted())
        throw new PoliceUkInputError(displayName, null, 'is encrypted, so it cannot be read');
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        throw new PoliceUkInputError(
          displayName,
          null,
          `uses zip compression method ${entry.compressionMethod}; only stored (0) and deflated (8) entries can be read`,
        );
      }
      const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
      listed.push(zipEntrySource(realZip, displayName, name, entry, fileDataStart));
    }
  } catch (error) {
    if (error instanceof PoliceUkInputError) throw error;
    throw new PoliceUkInputError(zipPath, null, `is a damaged zip archive (${errorText(error)})`, {
      cause: error,
    });
  } finally {
    zip.close();
  }
  if (listed.length === 0) throw new PoliceUkInputError(zipPath, null, 'the zip archive holds no .csv files');
  for (const source of listed) {
    const key = `${realZip}!${source.displayName.slice(zipPath.length + 1)}`;
    if (!found.has(key)) found.set(key, source);
  }
}

function zipEntrySource(
  realZip: string,
  displayName: string,
  entryName: string,
  entry: yauzl.Entry,
  fileDataStart: number,
): PoliceUkSource {
  const { compressedSize, uncompressedSize, compressionMethod, crc32 } = entry;
  return {
    displayName,
    ...parsePoliceUkFileName(entryName),
    size: uncompressedSize,
    crc32,
    open: async () => {
      let zip: yauzl.ZipFile | null = null;
      try {
        const opened = await yauzl.openPromise(realZip, { lazyEntries: true, autoClose: false });
        zip = opened;
        // Not openReadStreamLowLevelPromise: in yauzl 3.4.0 it calls openReadStream with the
        // low-level arguments and fails ("entry.isEncrypted is not a function").
        return await new Promise<Readable>((resolve, reject) => {
          opened.openReadStreamLowLevel(
            fileDataStart,
            compressedSize,
            0,
            compressedSize,
            compressionMethod === 8,
            uncompressedSize,
            (error, stream) => (error ? reject(error) : resolve(stream)),
          );
        });
      } catch (error) {
        throw new PoliceUkInputError(
          displayName,
          null,
          `cannot be read from the archive (${errorText(error)})`,
          {
            cause: error,
          },
        );
      } finally {
        // The file stays open until the entry's stream has ended (yauzl counts its readers).
        zip?.close();
      }
    },
  };
}

function compareSources(a: PoliceUkSource, b: PoliceUkSource): number {
  return (
    compareText(a.month ?? '~', b.month ?? '~') ||
    compareText(a.force ?? '~', b.force ?? '~') ||
    kindOrder(a.nameKind) - kindOrder(b.nameKind) ||
    compareText(a.displayName, b.displayName)
  );
}

function kindOrder(kind: PoliceUkKind | null): number {
  return kind === null ? POLICE_UK_KINDS.length : POLICE_UK_KINDS.indexOf(kind);
}

/** Code-point order, so the listing does not depend on the machine's locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A CSV file, plain or gzipped. */
function isCsvName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.csv') || lower.endsWith('.csv.gz');
}

function isGzipName(name: string): boolean {
  return name.toLowerCase().endsWith('.gz');
}

function isZipName(name: string): boolean {
  return name.toLowerCase().endsWith('.zip');
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder, not a file';
  return `cannot be read (${errorText(error)})`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
