import { ANONYMOUS } from '../../kernel/auth/actor.ts';
import { type IsoDate, londonDateOf, withinDaysOf } from '../../kernel/calendar/index.ts';
import { decisionPaths } from '../decisions/index.ts';
import { inspectionPaths } from '../inspections/index.ts';
import { preceptPaths } from '../precept/index.ts';
import type { Evidence } from './transparency.cadence.ts';
import type { EvidenceServices, TransparencyDeps } from './transparency.context.ts';
import { transparencyPaths as paths } from './transparency.paths.ts';
import { type BodyRow, listContracts, listSpendingMonths } from './transparency.queries.ts';

/**
 * Evidence Peelian's own registers give, duty by duty: the precept (3(b)), spending (3(g)), contracts (4(b)),
 * the decision register (5(d)), and inspections (7B, and the s55 responses). Each is read as the public reads
 * it, so a draft never counts as published.
 */
type Source = (deps: TransparencyDeps, body: BodyRow, today: IsoDate) => Promise<Evidence | null>;

const precept: Source = async ({ precept }, body) => {
  const { years } = await precept.readBody(ANONYMOUS, body.slug);
  const issued = years.filter((year) => year.issuedOn !== null);
  const latest = issued.sort((a, b) => b.startYear - a.startYear)[0];
  if (!latest?.issuedOn) return null;
  const label = `${latest.startYear}-${String((latest.startYear + 1) % 100).padStart(2, '0')}`;
  return {
    metOn: latest.issuedOn,
    period: label,
    href: preceptPaths.year({ body: body.slug, year: label }),
    label: `The ${label} precept, issued`,
  };
};

const spending: Source = async ({ db }, body) => {
  const [latest] = await listSpendingMonths(db, body.id);
  if (!latest) return null;
  const month = latest.month.slice(0, 7);
  return {
    metOn: londonDateOf(latest.loadedAt),
    period: month,
    href: paths.spending({ body: body.slug }),
    label: `Spending over £500 to ${month}`,
  };
};

const contracts: Source = async ({ db }, body) => {
  const rows = await listContracts(db, body.id);
  if (!rows.length) return null;
  const loaded = rows.map((row) => londonDateOf(row.loadedAt)).sort();
  return {
    metOn: loaded[loaded.length - 1] as IsoDate,
    period: null,
    href: paths.contracts({ body: body.slug }),
    label: `${rows.length} contract${rows.length === 1 ? '' : 's'} over £10,000`,
  };
};

const decisions: Source = async (deps, body) => {
  const rows = (await deps.decisions.listRegister(ANONYMOUS, { year: null, maker: null })).filter(
    (row) => row.bodySlug === body.slug && row.publishedAt,
  );
  const published = rows.map((row) => londonDateOf(row.publishedAt as Date)).sort();
  if (!published.length) return null;
  return {
    metOn: published[published.length - 1] as IsoDate,
    period: null,
    href: decisionPaths.register(),
    label: `${rows.length} decision${rows.length === 1 ? '' : 's'} published`,
  };
};

async function publishedReports(services: EvidenceServices, body: BodyRow) {
  return (await services.inspections.listPublished(ANONYMOUS, { kind: null })).filter(
    (report) => report.bodySlug === body.slug,
  );
}

const peel: Source = async (deps, body) => {
  const [latest] = (await publishedReports(deps, body))
    .filter((report) => report.kind === 'peel')
    .sort((a, b) => b.reportPublishedOn.localeCompare(a.reportPublishedOn));
  if (!latest) return null;
  return {
    metOn: latest.reportPublishedOn,
    period: null,
    href: inspectionPaths.inspection({ body: body.slug, code: latest.code }),
    label: latest.title,
  };
};

/** Each HMICFRS report needs the Commissioner's published response within 56 days (Police Act 1996 s55). */
const responses: Source = async (deps, body, today) => {
  const reports = (await publishedReports(deps, body)).filter((report) => report.kind !== 'audit');
  const late = reports.filter(
    (report) => !report.responsePublishedOn && withinDaysOf(report.reportPublishedOn, 56) < today,
  );
  const answered = reports
    .filter((report) => report.responsePublishedOn)
    .sort((a, b) => (b.responsePublishedOn ?? '').localeCompare(a.responsePublishedOn ?? ''));
  const [first] = late.length ? late : answered;
  if (!first) return null;
  return {
    metOn: first.responsePublishedOn ?? first.reportPublishedOn,
    period: null,
    href: inspectionPaths.inspection({ body: body.slug, code: first.code }),
    label: first.title,
    late: late.length
      ? `No response published to ${late.map((report) => report.code).join(', ')}, due 56 days after publication`
      : undefined,
  };
};

const SOURCES: Record<string, Source> = {
  '3(b)': precept,
  '3(g)': spending,
  '4(b)': contracts,
  '5(d)': decisions,
  '7B': peel,
  'PA1996-s55': responses,
};

/** Which duties Peelian's own records can show met. */
export const COMPUTED_DUTIES: ReadonlySet<string> = new Set(Object.keys(SOURCES));

/** The evidence Peelian's registers hold for a body, by duty code. */
export async function computedEvidence(
  deps: TransparencyDeps,
  body: BodyRow,
  today: IsoDate,
): Promise<Map<string, Evidence>> {
  const found = await Promise.all(
    Object.entries(SOURCES).map(async ([code, source]) => [code, await source(deps, body, today)] as const),
  );
  return new Map(found.flatMap(([code, evidence]) => (evidence ? [[code, evidence] as const] : [])));
}
