import { type Judgement, judgementWords } from './judgements.judge.ts';
import type { JudgementsDb as Db } from './judgements.tables.ts';

/** A measure's headline judgement: that of its first indicator, as the scorecard shows it. */
export interface MeasureReading {
  planSlug: string;
  forceAreaId: number;
  code: string;
  text: string;
  judgement: Judgement;
  provisional: boolean;
  /** `YYYY-MM-01`, the latest month the judgement rests on; null while the measure awaits data. */
  throughMonth: string | null;
}

/** What a measure's judgement moved from and to, as recorded. */
export interface MeasureMove {
  code: string;
  summary: string;
  recordedAt: Date;
}

/**
 * Compares each reading with the measure's last recorded judgement and records those that differ (a
 * measure's first reading, and its first after awaiting data, is recorded as a starting point, not a move). Returns the moves, for alerts.
 * Run after figures are rebuilt: judgements are computed on request, so this is where a change is seen.
 */
export async function recordMeasureReadings(
  db: Db,
  readings: readonly MeasureReading[],
  at: Date,
): Promise<MeasureMove[]> {
  if (readings.length === 0) return [];
  const last = await latestReadings(
    db,
    readings.map((reading) => reading.planSlug),
  );
  const changed = readings.flatMap((reading) => {
    const kept = last.get(`${reading.planSlug}\u0000${reading.code}`);
    if (kept && kept.judgement === reading.judgement && kept.provisional === reading.provisional) return [];
    // A measure's first figures start its record rather than move it: "awaiting data" is no judgement.
    const previous = kept && kept.judgement !== 'awaiting-data' ? kept : undefined;
    return [{ reading, previous }];
  });
  if (changed.length === 0) return [];
  await db
    .insertInto('measureJudgementChange')
    .values(
      changed.map(({ reading, previous }) => ({
        forceAreaId: reading.forceAreaId,
        planSlug: reading.planSlug,
        measureCode: reading.code,
        measureText: reading.text,
        previousJudgement: previous?.judgement ?? null,
        previousProvisional: previous?.provisional ?? null,
        judgement: reading.judgement,
        provisional: reading.provisional,
        throughMonth: reading.throughMonth,
        summary: summaryOf(reading, previous),
        recordedAt: at,
      })),
    )
    .execute();
  return changed.flatMap(({ reading, previous }) =>
    previous ? [{ code: reading.code, summary: summaryOf(reading, previous), recordedAt: at }] : [],
  );
}

/** "Measure 2.1 is now improving (was no significant change)", or the first reading's words. */
function summaryOf(
  reading: MeasureReading,
  previous: { judgement: Judgement; provisional: boolean } | undefined,
): string {
  const now = judgementWords(reading).toLowerCase();
  return previous
    ? `Measure ${reading.code} is now ${now} (was ${judgementWords(previous).toLowerCase()})`
    : `Measure ${reading.code} first judged ${now}`;
}

async function latestReadings(db: Db, planSlugs: readonly string[]) {
  const rows = await db
    .selectFrom('measureJudgementChange')
    .distinctOn(['planSlug', 'measureCode'])
    .select(['planSlug', 'measureCode', 'judgement', 'provisional'])
    .where('planSlug', 'in', [...new Set(planSlugs)])
    .orderBy('planSlug')
    .orderBy('measureCode')
    .orderBy('id', 'desc')
    .execute();
  return new Map(rows.map((row) => [`${row.planSlug}\u0000${row.measureCode}`, row]));
}
