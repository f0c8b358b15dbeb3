import { type Judgement, judgementWords } from './judgements.judge.ts';

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

/** A measure's last recorded judgement. */
export interface RecordedReading {
  planSlug: string;
  measureCode: string;
  judgement: Judgement;
  provisional: boolean;
}

/** A reading to record, with the judgement it moved from (null for a starting point) and the move in words. */
export interface ReadingToRecord extends MeasureReading {
  previous: { judgement: Judgement; provisional: boolean } | null;
  summary: string;
}

/**
 * The readings whose judgement differs from the measure's last recorded one. A measure's first reading, and
 * its first after "awaiting data", starts its record rather than moving it: "awaiting data" is no judgement.
 */
export function readingsToRecord(
  readings: readonly MeasureReading[],
  recorded: readonly RecordedReading[],
): ReadingToRecord[] {
  const last = new Map(recorded.map((row) => [`${row.planSlug}\u0000${row.measureCode}`, row]));
  return readings.flatMap((reading) => {
    const kept = last.get(`${reading.planSlug}\u0000${reading.code}`);
    if (kept && kept.judgement === reading.judgement && kept.provisional === reading.provisional) return [];
    const previous = kept && kept.judgement !== 'awaiting-data' ? kept : null;
    return [{ ...reading, previous, summary: summaryOf(reading, previous) }];
  });
}

/** "Measure 2.1 is now improving (was no significant change)", or a starting point's words. */
function summaryOf(reading: MeasureReading, previous: ReadingToRecord['previous']): string {
  const now = judgementWords(reading).toLowerCase();
  return previous
    ? `Measure ${reading.code} is now ${now} (was ${judgementWords(previous).toLowerCase()})`
    : `Measure ${reading.code} first judged ${now}`;
}
