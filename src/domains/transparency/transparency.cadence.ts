import { addDays, calendarDate, type IsoDate } from '../../kernel/calendar/index.ts';
import type { Cadence } from './transparency.duties.ts';

/** The latest evidence that a duty was met, whoever gave it (an officer's record or another domain's records). */
export interface Evidence {
  metOn: IsoDate;
  /** The month ("2026-10") or financial year ("2026-27") the publication covers, when the duty has periods. */
  period: string | null;
  /** Where to see it: a Peelian page or an external address. */
  href: string | null;
  label: string;
  /** Set by a source that knows something is late (a report with no response past its 56 days). */
  late?: string;
}

export type DutyState = 'met' | 'overdue' | 'missing';

export interface DutyStatus {
  state: DutyState;
  /** When the next publication is due; null for a duty met as things happen. */
  dueBy: IsoDate | null;
  reason: string;
}

function monthIndex(text: string): number {
  return Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;
}

function monthLabel(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last day of the month `index` (months counted from year 0). */
function lastDayOf(index: number): IsoDate {
  return addDays(calendarDate(Math.floor((index + 1) / 12), ((index + 1) % 12) + 1, 1), -1);
}

function addMonths(date: IsoDate, months: number): IsoDate {
  const index = monthIndex(date) + months;
  const day = Math.min(Number(date.slice(8, 10)), Number(lastDayOf(index).slice(8, 10)));
  return calendarDate(Math.floor(index / 12), (index % 12) + 1, day);
}

/**
 * Monthly information is published "as soon as practicable after the end of the month"; Peelian reads that as
 * by the end of the following month, so on a day in month T the latest month that must be out is T − 2.
 */
function monthly(evidence: Evidence, today: IsoDate): DutyStatus {
  const required = monthIndex(today) - 2;
  if (!evidence.period || !/^\d{4}-\d{2}$/.test(evidence.period) || Number(evidence.period.slice(5)) > 12)
    return { state: 'overdue', dueBy: lastDayOf(required + 1), reason: 'No month is recorded as published' };
  const covered = monthIndex(evidence.period);
  const dueBy = lastDayOf(covered + 2);
  if (covered >= required) return { state: 'met', dueBy, reason: `Published to ${evidence.period}` };
  return {
    state: 'overdue',
    dueBy,
    reason: `Published only to ${evidence.period}; ${monthLabel(covered + 1)} was due by ${dueBy}`,
  };
}

/** Each financial year's information is due before 1 April of the year it is for. */
function beforeFinancialYear(evidence: Evidence, today: IsoDate): DutyStatus {
  const year = Number(today.slice(0, 4));
  const required = today >= calendarDate(year, 4, 1) ? year : year - 1;
  const covered = evidence.period ? Number(evidence.period.slice(0, 4)) : Number.NaN;
  if (Number.isNaN(covered))
    return { state: 'overdue', dueBy: null, reason: 'No financial year is recorded as published' };
  const dueBy = calendarDate(covered + 1, 3, 31);
  if (covered >= required) return { state: 'met', dueBy, reason: `Published for ${evidence.period}` };
  return {
    state: 'overdue',
    dueBy,
    reason: `Published only for ${evidence.period}; ${covered + 1}-${String((covered + 2) % 100).padStart(2, '0')} was due by ${dueBy}`,
  };
}

function refreshedEvery(months: number, evidence: Evidence, today: IsoDate): DutyStatus {
  const dueBy = addMonths(evidence.metOn, months);
  return today <= dueBy
    ? { state: 'met', dueBy, reason: `Last published on ${evidence.metOn}` }
    : { state: 'overdue', dueBy, reason: `Last published on ${evidence.metOn}; due again by ${dueBy}` };
}

/** Whether a duty is met on `today`, from its cadence and the latest evidence (none: nothing shows it met). */
export function dutyStatus(cadence: Cadence, evidence: Evidence | null, today: IsoDate): DutyStatus {
  if (!evidence) return { state: 'missing', dueBy: null, reason: 'Nothing shows this duty met' };
  if (evidence.late) return { state: 'overdue', dueBy: null, reason: evidence.late };
  switch (cadence.kind) {
    case 'monthly':
      return monthly(evidence, today);
    case 'before-financial-year':
      return beforeFinancialYear(evidence, today);
    case 'annual':
      return refreshedEvery(12, evidence, today);
    case 'quarterly':
      return refreshedEvery(4, evidence, today);
    case 'as-it-happens':
      return { state: 'met', dueBy: null, reason: `Last published on ${evidence.metOn}` };
  }
}

/** What people read for a cadence. */
export function cadenceLabel(cadence: Cadence): string {
  switch (cadence.kind) {
    case 'monthly':
      return 'Monthly, after the month ends';
    case 'before-financial-year':
      return 'Each financial year, before it begins';
    case 'annual':
      return 'Kept up to date (confirmed yearly)';
    case 'quarterly':
      return 'Quarterly';
    case 'as-it-happens':
      return cadence.withinDays ? `Within ${cadence.withinDays} days of each report` : 'As each one happens';
  }
}

/** Of two pieces of evidence, the later (by period where both have one, else by date). */
export function laterEvidence(a: Evidence | null, b: Evidence | null): Evidence | null {
  if (!a || !b) return a ?? b;
  if (a.late || b.late) return a.late ? a : b;
  if (a.period && b.period && a.period !== b.period) return a.period > b.period ? a : b;
  return a.metOn >= b.metOn ? a : b;
}
