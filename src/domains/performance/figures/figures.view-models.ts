import type { z } from 'zod';
import { type CsvColumn, toCsv } from '../../../kernel/formats/csv.ts';
import { plural } from '../../../kernel/formats/words.ts';
import { renderMonthlyTotalsChart } from '../performance.charts.ts';
import { performancePaths } from '../performance.paths.ts';
import { formatCount, monthLong, monthShort } from '../performance.view-models.ts';
import type { CrimeOutcomesJson, StopAndSearchJson } from './figures.schemas.ts';
import {
  type CrimeOutcomeFigures,
  type KeyShare,
  type Period,
  PROVISIONAL_MONTHS,
  type StopAndSearchFigures,
} from './figures.service.ts';

const SOURCE = 'police.uk stop and search and street-level crime files (Open Government Licence v3.0)';

/** Why no rate is given by ethnicity, age or gender: said on the page, in the CSV and in the JSON. */
export const NO_RATE_BY =
  'No rate per 1,000 residents is given by ethnicity, age or gender. A fair rate for a group divides the ' +
  'searches of people in that group by the residents in that group, and Peelian holds no population by ' +
  'ethnicity, age or gender for the force area. Dividing by all residents instead would make every group’s ' +
  'rate look like a share of the whole population and could hide, or invent, a difference between groups. ' +
  'So these breakdowns give counts and shares of searches only; a comparison between groups needs ' +
  'Census 2021 figures for the same area, which are not loaded here.';

type Cell = { text?: string; html?: string; format?: 'numeric'; classes?: string };

const numeric = (n: number): Cell => ({ text: formatCount(n), format: 'numeric' });
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const rate = (value: number | null) => (value === null ? 'No population figure' : value.toFixed(2));
const month7 = (month: string) => month.slice(0, 7);

const NOT_LOADED: Cell = {
  html: '<span aria-hidden="true">–</span><span class="govuk-visually-hidden">not loaded</span>',
  format: 'numeric',
};
const PROVISIONAL_TAG = '<strong class="govuk-tag govuk-tag--yellow">Provisional</strong>';

/** A blank field in words: police.uk leaves a field blank when it was not recorded. */
function labelOf(key: string): string {
  return key === '' ? 'Not recorded' : key;
}

/** The period form's choices: each loaded month, the chosen ends selected. */
function periodForm(loadedMonths: readonly string[], period: Period | null) {
  const options = (selected: string | undefined) =>
    [...loadedMonths].reverse().map((month) => ({
      value: month7(month),
      text: monthLong(month),
      selected: month === selected,
    }));
  return period
    ? {
        from: options(period.from),
        to: options(period.to),
        text: `${monthLong(period.from)} to ${monthLong(period.to)}`,
        monthsNotLoaded: period.months.length - period.loaded.length,
      }
    : null;
}

function periodJson(period: Period | null) {
  return period
    ? {
        from: month7(period.from),
        to: month7(period.to),
        monthsLoaded: period.loaded.map(month7),
        monthsNotLoaded: period.months.filter((month) => !period.loaded.includes(month)).map(month7),
      }
    : null;
}

function monthlyChart(label: string, unit: string, months: { month: string; total: number | null }[]) {
  return months.some((month) => month.total !== null)
    ? renderMonthlyTotalsChart({ label, unit, months })
    : null;
}

// ---- Stop and search ----

function shareRows(rows: readonly KeyShare[], residents: number | null): Cell[][] {
  return rows.map((row) => [
    { text: labelOf(row.key) },
    numeric(row.count),
    { text: percent(row.share), format: 'numeric' },
    ...(residents === null
      ? []
      : [{ text: rate((row.count * 1000) / residents), format: 'numeric' as const }]),
  ]);
}

export function toStopAndSearchView(data: StopAndSearchFigures) {
  const { force, period, residents } = data;
  const shares = (rows: readonly KeyShare[]) => shareRows(rows, null);
  const rated = (rows: readonly KeyShare[]) => shareRows(rows, residents);
  return {
    force,
    hasData: data.loadedMonths.length > 0,
    period: periodForm(data.loadedMonths, period),
    paths: pagePaths(force.slug, period),
    headline:
      period && data.total > 0
        ? `From ${monthLong(period.from)} to ${monthLong(period.to)}, police.uk records ${plural(data.total, 'stop and search', 'stops and searches')} by ${force.name}` +
          `${data.ratePer1000 === null ? '' : ` (${data.ratePer1000.toFixed(2)} per 1,000 residents)`}; ` +
          `${percent(data.noFurtherAction / data.total)} of them ended with no further action.`
        : null,
    chart: monthlyChart(
      `Line chart of stops and searches recorded by ${force.name} each month of the period${period?.months.length === period?.loaded.length ? '' : ' (the line breaks at months not loaded)'}. The table below gives every figure.`,
      'searches',
      data.monthly.map((row) => ({ month: row.month, total: row.searches })),
    ),
    monthlyRows: data.monthly.map((row) => [
      { text: monthShort(row.month) },
      row.searches === null ? NOT_LOADED : numeric(row.searches),
      row.searches === null ? NOT_LOADED : { text: rate(row.ratePer1000), format: 'numeric' as const },
    ]),
    hasRates: residents !== null,
    population:
      residents === null
        ? 'No population figure is held for every year of this period, so no rate per 1,000 residents is given.'
        : `Rates per 1,000 residents divide by the force area’s residents: ${data.populations
            .map((row) => `${formatCount(row.population)} in ${row.year} (${row.source})`)
            .join('; ')}.`,
    breakdowns: [
      { id: 'type', title: 'Type of search', rows: rated(data.byType), rated: residents !== null },
      {
        id: 'object',
        title: 'Object of search (what the officer was looking for)',
        rows: rated(data.byObjectOfSearch),
        rated: residents !== null,
      },
      { id: 'outcome', title: 'Outcome', rows: rated(data.byOutcome), rated: residents !== null },
    ],
    people: [
      {
        id: 'self-defined-ethnicity',
        title: 'Ethnicity, as the person searched defined it',
        rows: shares(data.bySelfDefinedEthnicity),
      },
      {
        id: 'officer-defined-ethnicity',
        title: 'Ethnicity, as the officer saw it',
        rows: shares(data.byOfficerDefinedEthnicity),
      },
      { id: 'age', title: 'Age range', rows: shares(data.byAgeRange) },
      { id: 'gender', title: 'Gender', rows: shares(data.byGender) },
    ],
    noRateBy: NO_RATE_BY,
    noFurtherAction:
      data.total > 0
        ? `${formatCount(data.noFurtherAction)} of ${formatCount(data.total)} searches (${percent(data.noFurtherAction / data.total)}) ended with no further action.`
        : null,
  };
}

export function toStopAndSearchJson(data: StopAndSearchFigures): z.input<typeof StopAndSearchJson> {
  const withLabels = (rows: readonly KeyShare[]) => rows.map((row) => ({ ...row, label: labelOf(row.key) }));
  const rated = (rows: readonly KeyShare[]) =>
    withLabels(rows).map((row) => ({
      ...row,
      ratePer1000: data.residents === null ? null : (row.count * 1000) / data.residents,
    }));
  return {
    force: data.force.slug,
    name: data.force.name,
    source: SOURCE,
    period: periodJson(data.period),
    searches: data.total,
    noFurtherAction: data.noFurtherAction,
    residents: data.residents,
    populationSources: data.populations,
    ratePer1000: data.ratePer1000,
    monthly: data.monthly.flatMap((row) =>
      row.searches === null
        ? []
        : [{ month: month7(row.month), searches: row.searches, ratePer1000: row.ratePer1000 }],
    ),
    byType: rated(data.byType),
    byObjectOfSearch: rated(data.byObjectOfSearch),
    byOutcome: rated(data.byOutcome),
    bySelfDefinedEthnicity: withLabels(data.bySelfDefinedEthnicity),
    byOfficerDefinedEthnicity: withLabels(data.byOfficerDefinedEthnicity),
    byAgeRange: withLabels(data.byAgeRange),
    byGender: withLabels(data.byGender),
    noRateBy: NO_RATE_BY,
  };
}

interface StopAndSearchCsvRow {
  breakdown: string;
  key: string;
  count: number;
  share: number | null;
  ratePer1000: number | null;
}

/** The page's figures, one row per month and per category of each breakdown. */
export function stopAndSearchCsv(data: StopAndSearchFigures): string {
  const json = toStopAndSearchJson(data);
  const rows: StopAndSearchCsvRow[] = [
    { breakdown: 'all', key: '', count: json.searches, share: null, ratePer1000: json.ratePer1000 },
    ...json.monthly.map((row) => ({
      breakdown: 'month',
      key: row.month,
      count: row.searches,
      share: null,
      ratePer1000: row.ratePer1000,
    })),
    ...(
      [
        ['type', json.byType],
        ['object_of_search', json.byObjectOfSearch],
        ['outcome', json.byOutcome],
      ] as const
    ).flatMap(([breakdown, list]) => list.map((row) => ({ breakdown, ...row }))),
    ...(
      [
        ['self_defined_ethnicity', json.bySelfDefinedEthnicity],
        ['officer_defined_ethnicity', json.byOfficerDefinedEthnicity],
        ['age_range', json.byAgeRange],
        ['gender', json.byGender],
      ] as const
    ).flatMap(([breakdown, list]) => list.map((row) => ({ breakdown, ...row, ratePer1000: null }))),
  ];
  const columns: CsvColumn<StopAndSearchCsvRow>[] = [
    { header: 'force', value: () => json.force },
    { header: 'period_from', value: () => json.period?.from },
    { header: 'period_to', value: () => json.period?.to },
    { header: 'breakdown', value: (row) => row.breakdown },
    { header: 'value', value: (row) => row.key },
    { header: 'searches', value: (row) => row.count },
    { header: 'share', value: (row) => (row.share === null ? null : round(row.share, 4)) },
    {
      header: 'rate_per_1000_residents',
      value: (row) => (row.ratePer1000 === null ? null : round(row.ratePer1000, 4)),
    },
  ];
  return toCsv(rows, columns);
}

// ---- Outcomes ----

export function toCrimeOutcomesView(data: CrimeOutcomeFigures) {
  const { force, period } = data;
  const share = (part: number, whole: number) => (whole === 0 ? '' : percent(part / whole));
  const provisionalInPeriod = data.monthly.some((row) => row.provisional && row.crimes !== null);
  return {
    force,
    hasData: data.loadedMonths.length > 0,
    period: periodForm(data.loadedMonths, period),
    paths: pagePaths(force.slug, period, 'outcomes'),
    provisionalMonths: PROVISIONAL_MONTHS,
    provisionalFrom: data.provisionalFrom ? monthLong(data.provisionalFrom) : null,
    provisionalInPeriod,
    total: formatCount(data.total),
    chart: monthlyChart(
      `Line chart of the share of each month’s crimes in ${force.name} still under investigation. The table below gives every figure, and marks the latest months provisional.`,
      'per cent under investigation',
      data.monthly.map((row) => ({
        month: row.month,
        total: row.crimes === null || row.crimes === 0 ? null : (row.underInvestigation * 100) / row.crimes,
      })),
    ),
    monthlyRows: data.monthly.map((row) =>
      row.crimes === null
        ? [{ text: monthShort(row.month) }, NOT_LOADED, NOT_LOADED, NOT_LOADED, { text: 'Not loaded' }]
        : [
            { text: monthShort(row.month) },
            numeric(row.crimes),
            { text: share(row.underInvestigation, row.crimes), format: 'numeric' as const },
            { text: share(row.noSuspect, row.crimes), format: 'numeric' as const },
            row.provisional ? { html: PROVISIONAL_TAG } : { text: 'Settled' },
          ],
    ),
    crimeTypeRows: data.byCrimeType.map((row) => [
      { text: row.crimeType },
      numeric(row.crimes),
      { text: share(row.underInvestigation, row.crimes), format: 'numeric' as const },
      { text: share(row.noSuspect, row.crimes), format: 'numeric' as const },
      { text: share(row.noOutcome, row.crimes), format: 'numeric' as const },
      numeric(row.provisionalCrimes),
    ]),
    outcomeRows: data.byOutcome.map((row) => [
      { text: row.key === '' ? 'No outcome recorded' : row.key },
      numeric(row.count),
      { text: percent(row.share), format: 'numeric' as const },
    ]),
  };
}

export function toCrimeOutcomesJson(data: CrimeOutcomeFigures): z.input<typeof CrimeOutcomesJson> {
  return {
    force: data.force.slug,
    name: data.force.name,
    source: SOURCE,
    period: periodJson(data.period),
    provisionalMonths: PROVISIONAL_MONTHS,
    provisionalFrom: data.provisionalFrom ? month7(data.provisionalFrom) : null,
    crimes: data.total,
    monthly: data.monthly.flatMap((row) =>
      row.crimes === null
        ? []
        : [
            {
              month: month7(row.month),
              crimes: row.crimes,
              underInvestigation: row.underInvestigation,
              noSuspectIdentified: row.noSuspect,
              provisional: row.provisional,
            },
          ],
    ),
    byCrimeType: data.byCrimeType.map(({ noSuspect, noOutcome, ...row }) => ({
      ...row,
      noSuspectIdentified: noSuspect,
      noOutcomeRecorded: noOutcome,
    })),
    byOutcome: data.byOutcome.map((row) => ({
      ...row,
      label: row.key === '' ? 'No outcome recorded' : row.key,
    })),
  };
}

/** Every month, crime type and last outcome category of the period, each month marked provisional or not. */
export function crimeOutcomesCsv(data: CrimeOutcomeFigures): string {
  return toCsv(data.rows, [
    { header: 'force', value: () => data.force.slug },
    { header: 'month', value: (row) => month7(row.month) },
    { header: 'crime_type', value: (row) => row.crimeType },
    { header: 'last_outcome_category', value: (row) => row.outcome },
    { header: 'crimes', value: (row) => row.count },
    { header: 'provisional', value: (row) => (row.provisional ? 'yes' : 'no') },
  ]);
}

/** The page's own links for its period: the same figures as CSV and JSON, and the force's other pages. */
function pagePaths(
  slug: string,
  period: Period | null,
  kind: 'stop-and-search' | 'outcomes' = 'stop-and-search',
) {
  const query = period ? { from: month7(period.from), to: month7(period.to) } : {};
  return {
    force: performancePaths.force({ force: slug }),
    page:
      kind === 'outcomes'
        ? performancePaths.outcomes({ force: slug })
        : performancePaths.stopAndSearch({ force: slug }),
    csv:
      kind === 'outcomes'
        ? performancePaths.outcomesCsv({ force: slug }, query)
        : performancePaths.stopAndSearchCsv({ force: slug }, query),
    json:
      kind === 'outcomes'
        ? performancePaths.apiOutcomes({ force: slug }, query)
        : performancePaths.apiStopAndSearch({ force: slug }, query),
  };
}

function round(value: number, places: number): number {
  return Number(value.toFixed(places));
}
