import type { PoliceUkKind } from './police-uk/index.ts';

/**
 * Which checked files look wrong enough to need the importer's say-so before they are published.
 *
 * - A file with no data rows for a unit that already holds rows would empty that month (`allow-empty`).
 * - A month whose row count is under a quarter, or over four times, the median of the same force's other
 *   loaded months of the same kind is unusual (`confirm-unusual`). At least three other loaded months are
 *   needed to judge; with fewer, nothing is called unusual.
 *
 * Pure: the caller reads the loaded units and decides what to do with the answer.
 */

export const UNUSUAL_FACTOR = 4;
export const MIN_MONTHS_TO_JUDGE = 3;

export type Confirmation = 'allow-empty' | 'confirm-unusual';

export interface ConfirmationNeeded {
  needs: Confirmation;
  file: string;
  reason: string;
}

export interface CheckedUnitSize {
  file: string;
  force: string;
  forceAreaId: number;
  kind: PoliceUkKind;
  /** `YYYY-MM-01`. */
  month: string;
  rows: number;
}

export interface LoadedUnitSize {
  forceAreaId: number;
  kind: PoliceUkKind;
  /** `YYYY-MM-01`. */
  month: string;
  rows: number;
}

export function findConfirmationsNeeded(
  files: readonly CheckedUnitSize[],
  loaded: readonly LoadedUnitSize[],
): ConfirmationNeeded[] {
  const needed: ConfirmationNeeded[] = [];
  for (const file of files) {
    const label = `${file.force} ${file.month.slice(0, 7)} ${file.kind}`;
    const sameSeries = loaded.filter(
      (unit) => unit.forceAreaId === file.forceAreaId && unit.kind === file.kind,
    );
    const current = sameSeries.find((unit) => unit.month === file.month);
    if (file.rows === 0 && current !== undefined && current.rows > 0) {
      needed.push({
        needs: 'allow-empty',
        file: file.file,
        reason: `${file.file} has no data rows, but ${label} already holds ${plural(current.rows, 'row')}: importing it would empty that month.`,
      });
      continue;
    }
    const others = sameSeries.filter((unit) => unit.month !== file.month).map((unit) => unit.rows);
    if (others.length < MIN_MONTHS_TO_JUDGE) continue;
    const typical = median(others);
    if (file.rows * UNUSUAL_FACTOR < typical || file.rows > typical * UNUSUAL_FACTOR) {
      needed.push({
        needs: 'confirm-unusual',
        file: file.file,
        reason:
          `${file.file} has ${plural(file.rows, 'row')} for ${label}, far from the median of ${plural(typical, 'row')} ` +
          `over the ${others.length} other months loaded (unusual means under a quarter or over ${UNUSUAL_FACTOR} times that).`,
      });
    }
  }
  return needed;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;
}
