import { csvColumns, toCsv } from '../../kernel/formats/csv.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import type { FormProblem } from '../../kernel/http/form-route.ts';
import { formatPence } from '../precept/index.ts';
import { cadenceLabel, type DutyState } from './transparency.cadence.ts';
import { DUTIES } from './transparency.duties.ts';
import { transparencyPaths as paths } from './transparency.paths.ts';
import type { ContractRow, TransactionRow } from './transparency.queries.ts';
import type { DutyLine, listBodies, listOverdue, RegisterRead } from './transparency.register.ts';
import type { ContractsRead, SpendingRead } from './transparency.spending.ts';

const STATE_TAGS: Record<DutyState, { text: string; classes: string }> = {
  met: { text: 'Met', classes: 'govuk-tag--green' },
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  missing: { text: 'No evidence', classes: 'govuk-tag--grey' },
};

const CHECKED_LABELS = {
  order: 'Checked against the Order',
  reproduction: 'Checked against a published copy of the Order, not the Order itself',
  'research-note': 'Not checked against the Order: from the research note',
} as const;

function dutyRow(line: DutyLine) {
  const { duty, evidence, status } = line;
  return {
    code: duty.code,
    heading: duty.heading,
    mustPublish: duty.mustPublish,
    source: [duty.instrument, duty.amendedBy && `as amended by ${duty.amendedBy}`].filter(Boolean).join(', '),
    cadence: cadenceLabel(duty.cadence),
    tag: STATE_TAGS[status.state],
    reason: status.reason,
    dueBy: status.dueBy ? formatDate(status.dueBy) : '',
    lastMet: evidence ? formatDate(evidence.metOn) : '',
    evidence: evidence?.href ? { href: evidence.href, text: evidence.label || evidence.href } : null,
    checked: CHECKED_LABELS[duty.textChecked],
    caveats: [duty.cadenceNote && `Cadence: ${duty.cadenceNote}.`, duty.note && `${duty.note}.`].filter(
      (text): text is string => Boolean(text),
    ),
  };
}

function recordRows(read: RegisterRead) {
  return read.duties.flatMap((line) =>
    line.records.map((record) => ({
      code: line.duty.code,
      metOn: formatDate(record.metOn),
      period: record.period ?? '',
      url: record.evidenceUrl,
      note: record.note ?? '',
      check: record.linkCheckedAt
        ? `${record.linkProblem ?? `Reachable (${record.linkStatus})`}, checked ${formatDate(record.linkCheckedAt.toISOString().slice(0, 10))}`
        : record.evidenceUrl
          ? 'Not checked yet'
          : '',
      checkAction: record.evidenceUrl ? paths.checkLink({ body: read.body.slug, record: record.id }) : null,
    })),
  );
}

export function toIndexPage(bodies: Awaited<ReturnType<typeof listBodies>>) {
  return {
    pageTitle: 'Transparency',
    bodies: bodies.map(({ body, met, total }) => ({
      name: body.name,
      url: paths.compliance({ body: body.slug }),
      met,
      total,
    })),
  };
}

export function toCompliancePage(read: RegisterRead, problem?: FormProblem) {
  const rows = read.duties.map(dutyRow);
  const count = (state: DutyState) => read.duties.filter((line) => line.status.state === state).length;
  const slug = { body: read.body.slug };
  return {
    pageTitle: `Publication duties: ${read.body.name}`,
    body: read.body.name,
    today: formatDate(read.today),
    counts: { met: count('met'), overdue: count('overdue'), missing: count('missing'), total: rows.length },
    rows,
    links: {
      csv: paths.complianceCsv(slug),
      json: paths.apiDuties(slug),
      spending: paths.spending(slug),
      contracts: paths.contracts(slug),
    },
    manage: read.canManage
      ? {
          action: paths.recordDuty(slug),
          duties: [
            { value: '', text: 'Select a duty' },
            ...DUTIES.map((duty) => ({
              value: duty.code,
              text: `${duty.code} ${duty.heading}`,
              selected: problem?.values.duty === duty.code,
            })),
          ],
          records: recordRows(read),
        }
      : null,
    values: problem?.values ?? {},
    errorList: problem?.errorList ?? [],
    fieldErrors: problem?.fieldErrors ?? {},
  };
}

export function toOverduePage(read: Awaited<ReturnType<typeof listOverdue>>) {
  return {
    pageTitle: 'Overdue publication duties',
    today: formatDate(read.today),
    rows: read.lines.map((line) => ({
      body: line.body.name,
      url: paths.compliance({ body: line.body.slug }),
      ...dutyRow(line),
    })),
  };
}

export function dutiesJson(read: RegisterRead) {
  return {
    body: { slug: read.body.slug, name: read.body.name },
    today: read.today,
    duties: read.duties.map(({ duty, evidence, status }) => ({
      code: duty.code,
      instrument: duty.instrument,
      amendedBy: duty.amendedBy ?? null,
      heading: duty.heading,
      mustPublish: duty.mustPublish,
      cadence: cadenceLabel(duty.cadence),
      textChecked: duty.textChecked,
      cadenceNote: duty.cadenceNote ?? null,
      note: duty.note ?? null,
      state: status.state,
      dueBy: status.dueBy,
      reason: status.reason,
      evidence: evidence && {
        metOn: evidence.metOn,
        period: evidence.period,
        href: evidence.href,
        label: evidence.label,
      },
    })),
  };
}

type DutyJson = ReturnType<typeof dutiesJson>['duties'][number];

export function dutiesCsv(read: RegisterRead): string {
  return toCsv(
    dutiesJson(read).duties,
    csvColumns<DutyJson>({
      code: 'code',
      heading: 'heading',
      must_publish: 'mustPublish',
      instrument: 'instrument',
      amended_by: 'amendedBy',
      cadence: 'cadence',
      state: 'state',
      due_by: 'dueBy',
      reason: 'reason',
      last_met_on: (row) => row.evidence?.metOn,
      evidence: (row) => row.evidence?.href,
      text_checked: 'textChecked',
      cadence_note: 'cadenceNote',
      note: 'note',
    }),
  );
}

function transactionJson(row: TransactionRow) {
  return {
    month: row.month.slice(0, 7),
    line: row.line,
    date: row.paidOn,
    supplier: row.supplier,
    amountPence: row.amountPence,
    category: row.category,
    serviceArea: row.serviceArea,
    transactionNumber: row.transactionNumber,
  };
}

export function spendingJson(read: SpendingRead) {
  return {
    body: { slug: read.body.slug, name: read.body.name },
    months: read.months.map((month) => ({
      month: month.month.slice(0, 7),
      lines: Number(month.lines),
      totalPence: Number(month.totalPence),
    })),
    transactions: read.transactions.map(transactionJson),
  };
}

export function spendingCsv(read: SpendingRead): string {
  return toCsv(
    read.transactions.map(transactionJson),
    csvColumns<ReturnType<typeof transactionJson>>({
      date: 'date',
      supplier: 'supplier',
      amount_pence: 'amountPence',
      expense_category: 'category',
      service_area: 'serviceArea',
      transaction_number: 'transactionNumber',
      month: 'month',
      line: 'line',
    }),
  );
}

/** The filters' query string, kept on the download links so a download is what the page shows. */
function filterQuery(filter: SpendingRead['filter']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

const choice = (chosen: string | null, all: string) => (value: string) => ({
  value,
  text: value || all,
  selected: (chosen ?? '') === value,
});

export function toSpendingPage(read: SpendingRead) {
  const slug = { body: read.body.slug };
  const total = read.transactions.reduce((sum, row) => sum + row.amountPence, 0);
  const query = filterQuery(read.filter);
  return {
    pageTitle: `Spending over £500: ${read.body.name}`,
    body: read.body.name,
    back: paths.compliance(slug),
    action: paths.spending(slug),
    filter: { supplier: read.filter.supplier ?? '' },
    months: ['', ...read.months.map((month) => month.month.slice(0, 7))].map(
      choice(read.filter.month, 'All months'),
    ),
    categories: ['', ...read.choices.categories].map(choice(read.filter.category, 'All categories')),
    services: ['', ...read.choices.services].map(choice(read.filter.service, 'All service areas')),
    summary: read.months.map((month) => ({
      month: month.month.slice(0, 7),
      lines: Number(month.lines),
      total: formatPence(Number(month.totalPence)),
    })),
    rows: read.transactions.map((row) => ({
      date: formatDate(row.paidOn),
      supplier: row.supplier,
      amount: formatPence(row.amountPence),
      category: row.category,
      service: row.serviceArea,
      number: row.transactionNumber ?? '',
    })),
    count: read.transactions.length,
    total: formatPence(total),
    links: { csv: `${paths.spendingCsv(slug)}${query}`, json: `${paths.apiSpending(slug)}${query}` },
  };
}

function contractJson(row: ContractRow) {
  return {
    reference: row.reference,
    title: row.title,
    supplier: row.supplier,
    valuePence: row.valuePence,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    procurementRoute: row.procurementRoute,
  };
}

export function contractsJson(read: ContractsRead) {
  return {
    body: { slug: read.body.slug, name: read.body.name },
    contracts: read.contracts.map(contractJson),
  };
}

export function contractsCsv(read: ContractsRead): string {
  return toCsv(
    read.contracts.map(contractJson),
    csvColumns<ReturnType<typeof contractJson>>({
      reference: 'reference',
      title: 'title',
      supplier: 'supplier',
      value_pence: 'valuePence',
      start_date: 'startsOn',
      end_date: 'endsOn',
      procurement_route: 'procurementRoute',
    }),
  );
}

export function toContractsPage(read: ContractsRead) {
  const slug = { body: read.body.slug };
  return {
    pageTitle: `Contracts over £10,000: ${read.body.name}`,
    body: read.body.name,
    back: paths.compliance(slug),
    rows: read.contracts.map((row) => ({
      reference: row.reference,
      title: row.title,
      supplier: row.supplier,
      value: formatPence(row.valuePence),
      starts: formatDate(row.startsOn),
      ends: row.endsOn ? formatDate(row.endsOn) : 'No end date',
      route: row.procurementRoute,
    })),
    links: { csv: paths.contractsCsv(slug), json: paths.apiContracts(slug) },
  };
}
