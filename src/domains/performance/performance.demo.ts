import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { PerformanceServices } from './performance.services.ts';

/** Thames Valley's police.uk months, gzipped, in the archive's layout (see SOURCE.md there). */
export const DEMO_POLICE_UK_DIR = path.resolve(import.meta.dirname, '../../../data/demo/police-uk');

export interface DemoPoliceUkResult {
  /** Files loaded now (none when every month was already loaded from the same bytes). */
  filesLoaded: number;
  filesUnchanged: number;
  rows: number;
  durationMs: number;
}

/**
 * Loads the demo police.uk months that are not yet loaded (a month already loaded from the same bytes is
 * skipped after a checksum, so a later start costs well under a second).
 */
export async function seedDemoPoliceUk(
  services: PerformanceServices,
  actor: Actor,
  dir: string = DEMO_POLICE_UK_DIR,
): Promise<DemoPoliceUkResult> {
  if (!fs.existsSync(dir)) return { filesLoaded: 0, filesUnchanged: 0, rows: 0, durationMs: 0 };
  const report = await services.imports.importPoliceUk(actor, [dir], {
    origin: 'demo-seed',
    skipUnchanged: true,
  });
  if (report.status === 'failed') throw new Error(`Loading the demo police.uk data failed: ${report.error}`);
  const loaded = report.files.filter((file) => file.status === 'loaded');
  return {
    filesLoaded: loaded.length,
    filesUnchanged: report.files.filter((file) => file.status === 'unchanged').length,
    rows: loaded.reduce((sum, file) => sum + file.rows, 0),
    durationMs: report.durationMs,
  };
}

/**
 * Starts loading the demo months without waiting, for a server that should answer at once: PGlite serves
 * requests between the import's units, and the pages fill in month by month. `log` hears the outcome; the
 * promise settles (never rejects) once the load is over, for demo data that needs the months first.
 */
export function loadDemoPoliceUkInBackground(
  services: PerformanceServices,
  actor: Actor,
  log: (line: string) => void,
): Promise<void> {
  log('Loading the police.uk demo data in the background (the first time takes a minute or less).');
  return seedDemoPoliceUk(services, actor).then(
    (result) => log(describeDemoPoliceUk(result) ?? 'The police.uk demo data was already loaded.'),
    (error: unknown) => log(`Loading the police.uk demo data stopped: ${(error as Error).message}`),
  );
}

export function describeDemoPoliceUk(result: DemoPoliceUkResult | null): string | null {
  if (result === null || result.filesLoaded === 0) return null;
  return (
    `police.uk demo data loaded: ${result.filesLoaded} files, ${result.rows.toLocaleString('en-GB')} rows ` +
    `in ${(result.durationMs / 1000).toFixed(1)} s.`
  );
}
