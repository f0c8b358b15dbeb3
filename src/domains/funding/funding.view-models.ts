import { csvColumns, toCsv } from '../../kernel/formats/csv.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import { paragraphs } from '../../kernel/formats/words.ts';
import type { FormProblem } from '../../kernel/http/form-route.ts';
import type { ModelOf } from '../../kernel/http/views.ts';
import { planPaths } from '../plans/index.ts';
import type { FormulaInputs, WorkedAllocation } from './funding.allocation.ts';
import { yearLabel } from './funding.context.ts';
import { fundingPaths as paths } from './funding.paths.ts';
import type { RecordedAllocation } from './funding.queries.ts';
import type { FundListed, FundRead } from './funding.read.ts';
import type { CriterionSource, FundKind } from './funding.tables.ts';

export const KIND_LABELS: Record<FundKind, string> = {
  'community-safety': 'Partnership and community safety',
  'crime-prevention': 'Crime prevention',
  'community-fund': 'Community fund (proceeds of recovered property)',
  'victims-services': 'Victims’ services',
};

export const SOURCE_LABELS: Record<CriterionSource, string> = {
  population: 'Population held by Peelian',
  'police-uk-crimes': 'police.uk crimes',
  supplied: 'Supplied in the funds file',
};

/** Whole pence as pounds and pence: 123456 → "£1,234.56". */
export function pounds(pence: number): string {
  const sign = pence < 0 ? '−' : '';
  const whole = Math.floor(Math.abs(pence) / 100).toLocaleString('en-GB');
  return `${sign}£${whole}.${String(Math.abs(pence) % 100).padStart(2, '0')}`;
}

/** A change in pence, signed: "+£12.34", "−£0.05", "no change". */
function change(pence: number): string {
  if (pence === 0) return 'No change';
  return pence > 0 ? `+${pounds(pence)}` : pounds(pence);
}

/** Basis points as the per cent people write: 1000 → "10", 1250 → "12.5". */
const percentOf = (basisPoints: number) => String(basisPoints / 100);

export function toListPage(funds: FundListed[]) {
  return {
    pageTitle: 'Funds',
    funds: funds.map(({ fund, budgets }) => ({
      url: paths.fund({ fund: fund.slug }),
      name: fund.name,
      body: fund.bodyName,
      kind: KIND_LABELS[fund.kind],
      budgets: budgets.map((budget) => `${yearLabel(budget.financialYear)}: ${pounds(budget.amountPence)}`),
    })),
    links: { json: paths.apiList() },
  };
}

export function toFundPage(read: FundRead) {
  const { fund } = read;
  return {
    pageTitle: fund.name,
    fund: {
      name: fund.name,
      body: fund.bodyName,
      kind: KIND_LABELS[fund.kind],
      summary: paragraphs(fund.summary),
      eligibility: paragraphs(fund.eligibility),
      illustrative: fund.illustrativeNote,
    },
    plan: fund.planSlug
      ? { title: read.planTitle ?? fund.planSlug, url: planPaths.plan({ slug: fund.planSlug }) }
      : null,
    priorities: read.priorities.map((priority) => ({ code: priority.code, title: priority.title ?? '' })),
    budgets: read.budgets.map((budget) => ({
      year: yearLabel(budget.financialYear),
      amount: pounds(budget.amountPence),
    })),
    rounds: read.rounds.map((round) => ({
      name: round.name,
      opens: formatDate(round.opensOn),
      closes: formatDate(round.closesOn),
    })),
    assessment: read.assessment.map((criterion) => ({
      ...criterion,
      description: criterion.description ?? '',
    })),
    allocations: read.formulas.map((formula) => ({
      year: yearLabel(formula.year),
      url: paths.allocation({ fund: fund.slug, year: formula.year }),
      recorded: formula.recorded,
    })),
    links: { list: paths.list(), json: paths.apiFund({ fund: fund.slug }) },
  };
}

function criteriaOf(inputs: FormulaInputs, worked: WorkedAllocation) {
  return inputs.criteria.map((criterion) => ({
    code: criterion.code,
    label: criterion.label,
    source: SOURCE_LABELS[criterion.source],
    sourceNote:
      criterion.source === 'population'
        ? `${criterion.sourceNote} (${criterion.populationYear})`
        : criterion.sourceNote,
    weight: worked.weights[criterion.code] ?? criterion.weight,
  }));
}

/** The figures of an allocation, for the page and the CSV alike: the CSV is these rows. */
export function allocationRows(worked: WorkedAllocation) {
  return worked.lines.map((line) => ({
    code: line.code,
    name: line.name,
    values: line.values,
    sharePercent: line.sharePercent,
    amountPence: line.amountPence,
    amount: pounds(line.amountPence),
  }));
}

export function toAllocationPage(
  read: {
    inputs: FormulaInputs;
    worked: WorkedAllocation;
    recorded: RecordedAllocation | null;
    canManage: boolean;
  },
  problem?: FormProblem,
) {
  const { inputs, worked, recorded } = read;
  const key = { fund: inputs.fund.slug, year: inputs.year };
  return {
    pageTitle: `${inputs.fund.name}: allocation ${yearLabel(inputs.year)}`,
    fund: {
      name: inputs.fund.name,
      url: paths.fund({ fund: inputs.fund.slug }),
      illustrative: inputs.fund.illustrativeNote,
    },
    year: yearLabel(inputs.year),
    recorded: recorded ? { on: formatDate(recorded.recordedOn), by: recorded.recordedBy } : null,
    note: inputs.note,
    summary: {
      pot: pounds(worked.potPence),
      retainedPercent: percentOf(worked.retainedBasisPoints),
      retained: pounds(worked.retainedPence),
      allocated: pounds(worked.allocatedPence),
    },
    crimes: inputs.crimes
      ? {
          from: inputs.crimes.from.slice(0, 7),
          to: inputs.crimes.to.slice(0, 7),
          missing: inputs.crimes.monthsMissing,
        }
      : null,
    criteria: criteriaOf(inputs, worked),
    problems: worked.problems,
    rows: allocationRows(worked).map((row) => ({
      ...row,
      letterUrl: recorded ? paths.letter({ ...key, area: row.code }) : null,
    })),
    total: pounds(worked.lines.reduce((sum, line) => sum + line.amountPence, 0)),
    canRecord: read.canManage && !recorded && worked.problems.length === 0,
    canManage: read.canManage,
    errorList: problem?.errorList,
    links: {
      csv: paths.allocationCsv(key),
      json: paths.apiAllocation(key),
      whatIf: paths.whatIf(key),
      record: paths.record(key),
    },
  };
}
export type AllocationPageModel = ModelOf<typeof toAllocationPage>;

/** The CSV of the allocation: the page's table, row for row, with amounts in pence and in pounds. */
export function allocationCsv(worked: WorkedAllocation, criteria: readonly { code: string }[]) {
  const rows = allocationRows(worked);
  return toCsv(
    rows,
    csvColumns<(typeof rows)[number]>({
      area_code: 'code',
      area_name: 'name',
      ...Object.fromEntries(
        criteria.map(({ code }) => [code, (row: (typeof rows)[number]) => row.values[code] ?? '']),
      ),
      share_percent: 'sharePercent',
      amount_pence: 'amountPence',
      amount: 'amount',
    }),
  );
}

export function toWhatIfPage(read: {
  inputs: FormulaInputs;
  saved: WorkedAllocation;
  tried: WorkedAllocation | null;
  errors: { field: string; message: string }[];
  values: Record<string, string | undefined>;
}) {
  const { inputs, saved, tried } = read;
  const key = { fund: inputs.fund.slug, year: inputs.year };
  const fieldErrors = Object.fromEntries(read.errors.map((error) => [error.field, { text: error.message }]));
  return {
    pageTitle: `What if: ${inputs.fund.name} ${yearLabel(inputs.year)}`,
    fund: { name: inputs.fund.name },
    year: yearLabel(inputs.year),
    errorList: read.errors.length
      ? read.errors.map((error) => ({ text: error.message, href: `#${error.field}` }))
      : undefined,
    fieldErrors,
    retained: {
      value: read.values.retained ?? percentOf(inputs.retainedBasisPoints),
      saved: percentOf(inputs.retainedBasisPoints),
    },
    weights: inputs.criteria.map((criterion) => ({
      name: `weight-${criterion.code}`,
      label: criterion.label,
      saved: criterion.weight,
      value: read.values[`weight-${criterion.code}`] ?? String(criterion.weight),
    })),
    problems: saved.problems,
    tried: tried
      ? {
          allocated: pounds(tried.allocatedPence),
          savedAllocated: pounds(saved.allocatedPence),
          rows: saved.lines.map((line) => {
            const amount = tried.lines.find((each) => each.code === line.code)?.amountPence ?? 0;
            return {
              name: line.name,
              saved: pounds(line.amountPence),
              tried: pounds(amount),
              change: change(amount - line.amountPence),
            };
          }),
        }
      : null,
    links: { allocation: paths.allocation(key), whatIf: paths.whatIf(key) },
  };
}
export type WhatIfPageModel = ModelOf<typeof toWhatIfPage>;

export function toLetterPage(read: {
  fund: { name: string; slug: string; bodyName: string };
  recorded: RecordedAllocation;
  line: RecordedAllocation['lines'][number];
  worked: WorkedAllocation;
}) {
  const { fund, recorded, line } = read;
  return {
    pageTitle: `${fund.name} ${yearLabel(recorded.financialYear)}: allocation to ${line.areaName}`,
    from: fund.bodyName,
    to: line.areaName,
    fund: fund.name,
    year: yearLabel(recorded.financialYear),
    date: formatDate(recorded.recordedOn),
    amount: pounds(line.amountPence),
    share: line.sharePercent,
    allocated: pounds(recorded.potPence - recorded.retainedPence),
    pot: pounds(recorded.potPence),
    retained: pounds(recorded.retainedPence),
    criteria: Object.entries(read.worked.weights).map(([code, weight]) => ({
      code,
      weight,
      value: read.worked.lines.find((each) => each.code === line.areaCode)?.values[code] ?? '',
    })),
    links: { allocation: paths.allocation({ fund: fund.slug, year: recorded.financialYear }) },
  };
}
export type LetterPageModel = ModelOf<typeof toLetterPage>;

// The API's documents.

export function toFundSummaryJson({ fund, budgets }: FundListed) {
  return {
    type: 'Fund' as const,
    slug: fund.slug,
    url: paths.apiFund({ fund: fund.slug }),
    web: paths.fund({ fund: fund.slug }),
    name: fund.name,
    kind: fund.kind,
    body: { slug: fund.bodySlug ?? '', name: fund.bodyName ?? '' },
    summary: fund.summary,
    illustrative: fund.illustrativeNote,
    budgets: budgets.map((budget) => ({ year: budget.financialYear, amountPence: budget.amountPence })),
  };
}

export function toFundJson(read: FundRead) {
  return {
    ...toFundSummaryJson({ fund: read.fund, budgets: read.budgets }),
    eligibility: read.fund.eligibility,
    plan: read.fund.planSlug,
    priorities: read.priorities,
    rounds: read.rounds.map(({ name, opensOn, closesOn }) => ({ name, opensOn, closesOn })),
    assessmentCriteria: read.assessment.map(({ name, weight, description }) => ({
      name,
      weight,
      description,
    })),
    allocations: read.formulas.map((formula) => ({
      year: formula.year,
      url: paths.apiAllocation({ fund: read.fund.slug, year: formula.year }),
      recorded: formula.recorded,
    })),
  };
}

export function toAllocationJson(read: {
  inputs: FormulaInputs;
  worked: WorkedAllocation;
  recorded: RecordedAllocation | null;
}) {
  const { inputs, worked, recorded } = read;
  return {
    type: 'FundAllocation' as const,
    fund: inputs.fund.slug,
    year: inputs.year,
    web: paths.allocation({ fund: inputs.fund.slug, year: inputs.year }),
    recorded: recorded ? { on: recorded.recordedOn, by: recorded.recordedBy } : null,
    potPence: worked.potPence,
    retainedPercent: percentOf(worked.retainedBasisPoints),
    retainedPence: worked.retainedPence,
    allocatedPence: worked.allocatedPence,
    criteria: inputs.criteria.map((criterion) => ({
      code: criterion.code,
      label: criterion.label,
      source: criterion.source,
      sourceNote: criterion.sourceNote,
      weight: worked.weights[criterion.code] ?? criterion.weight,
    })),
    problems: worked.problems,
    authorities: worked.lines.map((line) => ({
      code: line.code,
      name: line.name,
      values: line.values,
      sharePercent: line.sharePercent,
      amountPence: line.amountPence,
    })),
  };
}
