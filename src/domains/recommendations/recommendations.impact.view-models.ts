import type { z } from 'zod';
import type { CsvColumn } from '../../kernel/formats/csv.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import type { PageModel } from '../../kernel/http/views.ts';
import type { ImpactChoice, ImpactRow } from './recommendations.impact.ts';
import { recommendationPaths as paths } from './recommendations.paths.ts';
import type { ImpactJson } from './recommendations.schemas.ts';
import { OUTCOME_KINDS, RESPONSE_KINDS } from './recommendations.tables.ts';
import { OUTCOME_LABELS, RESPONSE_LABELS } from './recommendations.view-models.ts';

type Impact = { body: { slug: string; name: string }; year: number; rows: ImpactRow[] } | null;

const query = (body: string, year: number) => `?body=${encodeURIComponent(body)}&year=${year}`;

/** How many were answered each way, and how many ended each way, with those still waiting counted too. */
function countsOf(rows: readonly ImpactRow[]) {
  const response = Object.fromEntries([...RESPONSE_KINDS, 'awaiting'].map((kind) => [kind, 0]));
  const outcome = Object.fromEntries([...OUTCOME_KINDS, 'open'].map((kind) => [kind, 0]));
  for (const { recommendation } of rows) {
    response[recommendation.response ?? 'awaiting'] =
      (response[recommendation.response ?? 'awaiting'] ?? 0) + 1;
    outcome[recommendation.outcome ?? 'open'] = (outcome[recommendation.outcome ?? 'open'] ?? 0) + 1;
  }
  return { response, outcome };
}

const RESPONSE_WORDS: Record<string, string> = { ...RESPONSE_LABELS, awaiting: 'Awaiting a response' };
const OUTCOME_WORDS: Record<string, string> = { ...OUTCOME_LABELS, open: 'Open (no outcome yet)' };

/** The impact as JSON, for the API and the download: the same rows as the page. */
export function toImpactJson(impact: Impact): z.infer<typeof ImpactJson> {
  const rows = impact?.rows ?? [];
  return {
    body: impact?.body ?? null,
    year: impact?.year ?? null,
    counts: countsOf(rows),
    recommendations: rows.map(({ recommendation: r, measures }) => ({
      reference: r.reference,
      web: paths.recommendation({ id: r.id }),
      madeOn: r.madeOn ?? '',
      text: r.text,
      response: r.response ? { kind: r.response, text: r.responseText, date: r.respondedOn } : null,
      outcome: r.outcome ? { kind: r.outcome, text: r.outcomeText, date: r.outcomeOn } : null,
      measures: measures.map((m) => ({
        plan: m.plan,
        code: m.measure,
        text: m.text,
        judgement: m.judgement,
        url: m.url,
      })),
    })),
  };
}

/** The impact page: the choice of body and year, the counts, and each recommendation through to its measures. */
export function toImpactPage(choices: ImpactChoice[], impact: Impact) {
  const json = toImpactJson(impact);
  const here = impact ? query(impact.body.slug, impact.year) : '';
  return {
    pageTitle: impact ? `The impact of ${impact.body.name}’s recommendations, ${impact.year}` : 'Impact',
    impact: impact && { body: impact.body.name, year: impact.year },
    choices: choices.map((choice) => ({
      name: choice.body.name,
      years: choice.years.map((year) => ({
        year,
        url: `${paths.impact()}${query(choice.body.slug, year)}`,
        current: impact?.body.slug === choice.body.slug && impact.year === year,
      })),
    })),
    responseCounts: Object.entries(json.counts.response).map(([kind, count]) => ({
      text: RESPONSE_WORDS[kind],
      count,
    })),
    outcomeCounts: Object.entries(json.counts.outcome).map(([kind, count]) => ({
      text: OUTCOME_WORDS[kind],
      count,
    })),
    rows: json.recommendations.map((row) => ({
      ...row,
      madeOn: formatDate(row.madeOn),
      response: row.response
        ? { words: RESPONSE_WORDS[row.response.kind], text: row.response.text, date: date(row.response.date) }
        : null,
      outcome: row.outcome
        ? { words: OUTCOME_WORDS[row.outcome.kind], text: row.outcome.text, date: date(row.outcome.date) }
        : null,
    })),
    links: { ledger: paths.list(), csv: `${paths.impactCsv()}${here}`, json: `${paths.apiImpact()}${here}` },
  };
}
export type ImpactPageModel = PageModel & ReturnType<typeof toImpactPage>;

const date = (iso: string | null) => (iso ? formatDate(iso) : null);

type ImpactCsvRow = ReturnType<typeof toImpactJson>['recommendations'][number];

/** The page's rows as CSV: one line per recommendation, its measures as `plan/code: judgement`, `; `-separated. */
export const IMPACT_CSV: CsvColumn<ImpactCsvRow>[] = [
  { header: 'reference', value: (row) => row.reference },
  { header: 'made_on', value: (row) => row.madeOn },
  { header: 'recommendation', value: (row) => row.text },
  { header: 'response', value: (row) => row.response?.kind ?? 'awaiting' },
  { header: 'response_date', value: (row) => row.response?.date },
  { header: 'response_text', value: (row) => row.response?.text },
  { header: 'outcome', value: (row) => row.outcome?.kind ?? 'open' },
  { header: 'outcome_date', value: (row) => row.outcome?.date },
  { header: 'outcome_text', value: (row) => row.outcome?.text },
  {
    header: 'measures',
    value: (row) =>
      row.measures.map((m) => `${m.plan}/${m.code}: ${m.judgement ?? 'not in the plan in force'}`).join('; '),
  },
];
