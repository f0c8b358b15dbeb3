import { financialYearStarting } from '../../kernel/calendar/index.ts';
import { toCsv } from '../../kernel/formats/csv.ts';
import type { PageModel } from '../../kernel/http/views.ts';
import { budgetPaths as paths } from './budget.paths.ts';
import type { listBudgets, readBudget, readBudgetBody } from './budget.read.ts';
import { preceptOf, sumOf } from './budget.rules.ts';
import { formatHundredths, formatPence } from './precept.money.ts';
import { preceptPaths } from './precept.paths.ts';

type Budget = Awaited<ReturnType<typeof readBudget>>;
const label = (startYear: number) => financialYearStarting(startYear).label;

/** The year's figures worked out once, for the page, the JSON and the CSV alike. */
function worked({ budget }: Budget) {
  const netRevenuePence = sumOf(budget.revenue.map((line) => line.amountPence));
  return {
    netRevenuePence,
    capitalTotalPence: sumOf(budget.capital.map((line) => line.amountPence)),
    taxBase: budget.taxBase.map((row) => ({ ...row, precept: preceptOf(row.bandD, budget.bandDPence) })),
    taxBaseTotal: sumOf(budget.taxBase.map((row) => row.bandD)),
    mtfp: budget.mtfp.map((row) => {
      const gapPence = row.spendingPence - row.fundingPence;
      return { ...row, gapPence, remainingGapPence: gapPence - row.savingsPence };
    }),
    quarters: [1, 2, 3, 4]
      .map((quarter) => ({
        quarter,
        lines: budget.monitoring
          .filter((line) => line.quarter === quarter)
          .map((line) => ({ ...line, variancePence: line.forecastPence - line.budgetPence })),
      }))
      .filter((quarter) => quarter.lines.length),
  };
}

export function toBudgetIndexPage(rows: Awaited<ReturnType<typeof listBudgets>>) {
  return {
    pageTitle: 'Budgets',
    years: rows.map((row) => ({
      body: row.name,
      label: label(row.startYear),
      url: paths.year({ body: row.slug, year: label(row.startYear) }),
      illustrative: row.illustrativeNote !== null,
    })),
    links: { money: preceptPaths.money() },
  };
}
export type BudgetIndexPageModel = PageModel & ReturnType<typeof toBudgetIndexPage>;

export function toBudgetBodyJson(read: Awaited<ReturnType<typeof readBudgetBody>>) {
  return {
    budgets: read.years.map((row) => ({
      year: label(row.startYear),
      illustrative: row.illustrativeNote !== null,
      url: paths.apiYear({ body: read.body.slug, year: label(row.startYear) }),
    })),
  };
}

/** A variance as the Panel's budget group reads it: an overspend or underspend against the line's budget. */
function varianceOf(variancePence: number) {
  if (variancePence > 0)
    return { text: `${formatPence(variancePence)} over`, tag: 'Overspend', colour: 'red' };
  if (variancePence < 0)
    return { text: `${formatPence(-variancePence)} under`, tag: 'Underspend', colour: 'green' };
  return { text: 'On budget', tag: null, colour: null };
}

export function toBudgetPage(read: Budget) {
  const { budget } = read;
  const figures = worked(read);
  const year = label(read.startYear);
  const funding = [
    ['Police grant', budget.funding.policeGrantPence],
    ['Council tax precept', budget.funding.preceptPence],
    ['Other grants', budget.funding.otherGrantsPence],
    ['Reserves used', budget.funding.reservesPence],
  ] as const;
  return {
    pageTitle: `Budget of ${read.body.name}, ${year}`,
    body: read.body.name,
    year,
    illustrative: budget.illustrative,
    source: budget.source,
    bandD: formatPence(budget.bandDPence),
    netRevenue: formatPence(figures.netRevenuePence),
    revenue: budget.revenue.map((line) => ({ heading: line.heading, amount: formatPence(line.amountPence) })),
    capital: budget.capital.map((line) => ({ heading: line.heading, amount: formatPence(line.amountPence) })),
    capitalTotal: formatPence(figures.capitalTotalPence),
    // Each source's share of the net revenue budget, to a tenth of a per cent: shown, never stored.
    funding: funding.map(([name, pence]) => {
      const tenths = Math.round((pence * 1000) / figures.netRevenuePence);
      return { name, amount: formatPence(pence), share: `${Math.floor(tenths / 10)}.${tenths % 10}%` };
    }),
    taxBase: figures.taxBase.map((row) => ({
      authority: row.authority,
      bandD: formatHundredths(row.bandD),
      precept: formatPence(row.precept),
    })),
    taxBaseTotal: formatHundredths(figures.taxBaseTotal),
    taxBasePrecept: formatPence(sumOf(figures.taxBase.map((row) => row.precept))),
    mtfp: figures.mtfp.map((row) => ({
      year: label(row.year),
      spending: formatPence(row.spendingPence),
      funding: formatPence(row.fundingPence),
      gap: formatPence(row.gapPence),
      savings: formatPence(row.savingsPence),
      remaining: formatPence(row.remainingGapPence),
    })),
    quarters: figures.quarters.map((quarter) => ({
      quarter: quarter.quarter,
      lines: quarter.lines.map((line) => ({
        heading: line.heading,
        budget: formatPence(line.budgetPence),
        forecast: formatPence(line.forecastPence),
        variance: varianceOf(line.variancePence),
        commentary: line.commentary,
      })),
    })),
    links: {
      index: paths.index(),
      csv: paths.yearCsv({ body: read.body.slug, year }),
      api: paths.apiYear({ body: read.body.slug, year }),
      precepts: preceptPaths.body({ body: read.body.slug }),
    },
  };
}
export type BudgetPageModel = PageModel & ReturnType<typeof toBudgetPage>;

export function toBudgetJson(read: Budget) {
  const { budget } = read;
  const figures = worked(read);
  return {
    body: { slug: read.body.slug, name: read.body.name },
    year: label(read.startYear),
    illustrative: budget.illustrative,
    source: budget.source,
    bandDPence: budget.bandDPence,
    netRevenuePence: figures.netRevenuePence,
    revenue: budget.revenue,
    capital: budget.capital,
    capitalTotalPence: figures.capitalTotalPence,
    funding: budget.funding,
    taxBase: figures.taxBase.map((row) => ({
      authority: row.authority,
      bandD: formatHundredths(row.bandD).replaceAll(',', ''),
      precept: row.precept,
    })),
    taxBaseTotal: formatHundredths(figures.taxBaseTotal).replaceAll(',', ''),
    mtfp: figures.mtfp.map(({ year, ...row }) => ({ year: label(year), ...row })),
    monitoring: figures.quarters.map((quarter) => ({
      quarter: quarter.quarter,
      lines: quarter.lines.map(({ quarter: _quarter, ...line }) => line),
    })),
  };
}

interface CsvRow {
  section: string;
  quarter: number | null;
  heading: string;
  amountPence: number;
  forecastPence: number | null;
  variancePence: number | null;
}

/** Every line of the year, one table: revenue, capital, and each quarter's monitoring with its variance. */
export function budgetCsv(read: Budget): string {
  const figures = worked(read);
  const plain = (section: string) => (line: { heading: string; amountPence: number }) => ({
    section,
    quarter: null,
    heading: line.heading,
    amountPence: line.amountPence,
    forecastPence: null,
    variancePence: null,
  });
  const rows: CsvRow[] = [
    ...read.budget.revenue.map(plain('revenue')),
    ...read.budget.capital.map(plain('capital')),
    ...figures.quarters.flatMap((quarter) =>
      quarter.lines.map((line) => ({
        section: 'monitoring',
        quarter: quarter.quarter,
        heading: line.heading,
        amountPence: line.budgetPence,
        forecastPence: line.forecastPence,
        variancePence: line.variancePence,
      })),
    ),
  ];
  return toCsv(rows, [
    { header: 'section', value: (row) => row.section },
    { header: 'quarter', value: (row) => row.quarter },
    { header: 'heading', value: (row) => row.heading },
    { header: 'budget_pence', value: (row) => row.amountPence },
    { header: 'forecast_pence', value: (row) => row.forecastPence },
    { header: 'variance_pence', value: (row) => row.variancePence },
  ]);
}
