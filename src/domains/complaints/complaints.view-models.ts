import { formatDate } from '../../kernel/formats/dates.ts';
import { paragraphs, plural } from '../../kernel/formats/words.ts';
import type { FormProblem } from '../../kernel/http/form-route.ts';
import type { PageModel } from '../../kernel/http/views.ts';
import { complaintsPaths as paths } from './complaints.paths.ts';
import type { Panel } from './complaints.queries.ts';
import type { AssessedCase, listIndex, readCase, readCounts, readRegister } from './complaints.read.ts';
import { type ClockState, REGS, type Timescales, type YearCounts } from './complaints.rules.ts';
import {
  KINDS,
  type Kind,
  NOT_RECORDED_GROUNDS,
  type NotRecordedGrounds,
  OUTCOMES,
  type Outcome,
  RECORDINGS,
  type Recording,
  SUBJECTS,
  type Subject,
} from './complaints.tables.ts';

const SUBJECT_LABELS: Record<Subject, string> = {
  commissioner: 'The Commissioner',
  'deputy-commissioner': 'The deputy Commissioner',
};

const KIND_LABELS: Record<Kind, string> = {
  complaint: 'A complaint from a member of the public',
  'conduct-matter': 'A conduct matter (no complainant; a criminal offence may have been committed)',
};

const RECORDING_LABELS: Record<Recording, string> = {
  pending: 'Not decided yet',
  recorded: 'Recorded',
  'not-recorded': 'Not recorded',
};

const GROUNDS_LABELS: Record<NotRecordedGrounds, string> = {
  'criminal-proceedings': 'Already dealt with by criminal proceedings (reg 9)',
  withdrawn: 'Withdrawn before it was recorded (reg 9)',
  'not-qualifying': 'Not a complaint about the conduct of the Commissioner or deputy (PRSRA 2011 s31)',
};

const OUTCOME_LABELS: Record<Outcome, string> = {
  'resolved-informally': 'Resolved informally (reg 28)',
  'no-further-action': 'Handled otherwise or no action, as reg 15(2)-(3) allows',
  withdrawn: 'Withdrawn by the complainant (reg 16)',
};

const CLOCK_LABELS: Record<ClockState, { text: string; tag: string }> = {
  open: { text: 'Open', tag: 'govuk-tag--blue' },
  overdue: { text: 'Overdue', tag: 'govuk-tag--red' },
  met: { text: 'Met', tag: 'govuk-tag--green' },
  late: { text: 'Done late', tag: 'govuk-tag--orange' },
  'not-applicable': { text: 'Does not apply', tag: 'govuk-tag--grey' },
};

/** The columns of the public counts, in order: the same on the page, in its table and in the API. */
const COUNT_COLUMNS: readonly { key: Exclude<keyof YearCounts, 'year'>; text: string }[] = [
  { key: 'received', text: 'Received' },
  { key: 'conductMatters', text: 'Of which conduct matters' },
  { key: 'recorded', text: 'Recorded' },
  { key: 'notRecorded', text: 'Not recorded' },
  { key: 'awaitingDecision', text: 'Awaiting a recording decision' },
  { key: 'referredToIopc', text: 'Referred to the IOPC' },
  { key: 'resolvedInformally', text: 'Resolved informally' },
  { key: 'noFurtherAction', text: 'Handled otherwise or no action' },
  { key: 'withdrawn', text: 'Withdrawn' },
  { key: 'open', text: 'Still open' },
];

/** Where a case stands, in a few words, for the register. */
function stageOf(each: AssessedCase): string {
  if (each.outcome) return OUTCOME_LABELS[each.outcome];
  if (each.recording === 'not-recorded') return 'Not recorded';
  if (each.referredOn) return 'With the IOPC';
  if (each.recording === 'recorded')
    return each.serious ? 'Recorded: to be referred to the IOPC' : 'Recorded: being resolved';
  return each.serious
    ? 'Awaiting the recording decision: to be referred to the IOPC'
    : 'Awaiting the recording decision';
}

const caseTarget = (panel: Panel, id: number) => ({ panel: panel.slug, id });

export function toIndexPage(index: Awaited<ReturnType<typeof listIndex>>) {
  return {
    pageTitle: 'Complaints about the Commissioner',
    panels: index.panels.map((panel) => ({
      name: panel.name,
      url: paths.panel({ panel: panel.slug }),
      received: plural(
        panel.years.reduce((sum, year) => sum + year.received, 0),
        'complaint or conduct matter',
        'complaints and conduct matters',
      ),
      register: panel.canManage ? paths.cases({ panel: panel.slug }) : null,
    })),
  };
}
export type IndexPageModel = PageModel & ReturnType<typeof toIndexPage>;

export function toCountsPage(read: Awaited<ReturnType<typeof readCounts>>) {
  return {
    pageTitle: `Complaints about the Commissioner: ${read.panel.name}`,
    panelName: read.panel.name,
    head: [{ text: 'Financial year' }, ...COUNT_COLUMNS.map(({ text }) => ({ text, format: 'numeric' }))],
    rows: read.years.map((year) => [
      { text: year.year },
      ...COUNT_COLUMNS.map(({ key }) => ({ text: String(year[key]), format: 'numeric' })),
    ]),
    links: {
      index: paths.index(),
      api: paths.apiPanel({ panel: read.panel.slug }),
      register: read.canManage ? paths.cases({ panel: read.panel.slug }) : null,
    },
  };
}
export type CountsPageModel = PageModel & ReturnType<typeof toCountsPage>;

/** The public counts as JSON: no case, no date finer than the year, nothing about anyone. */
export function toCountsJson(read: Awaited<ReturnType<typeof readCounts>>) {
  return {
    type: 'ComplaintCounts' as const,
    organization: { slug: read.panel.slug, name: read.panel.name },
    years: read.years,
  };
}

function option(value: string, text: string, chosen: unknown) {
  return { value, text, selected: chosen === value };
}

export function toRegisterPage(read: Awaited<ReturnType<typeof readRegister>>) {
  const { filters } = read;
  return {
    pageTitle: `Complaints register: ${read.panel.name}`,
    panelName: read.panel.name,
    filters: {
      years: [
        option('', 'Any year', filters.year ?? ''),
        ...read.years.map((year) => option(year, year, filters.year)),
      ],
      states: [
        option('', 'Any', filters.state ?? ''),
        option('open', 'Open', filters.state),
        option('overdue', 'Open and overdue', filters.state),
        option('closed', 'Closed', filters.state),
      ],
      subjects: [
        option('', 'Either', filters.subject ?? ''),
        ...SUBJECTS.map((subject) => option(subject, SUBJECT_LABELS[subject], filters.subject)),
      ],
    },
    rows: read.cases.map((each) => [
      {
        html: `<a class="govuk-link" href="${paths.case(caseTarget(read.panel, each.id))}">Case ${each.id}</a>`,
      },
      { text: formatDate(each.receivedOn) },
      { text: SUBJECT_LABELS[each.subject] },
      { text: stageOf(each) },
      {
        html: each.overdue
          ? '<strong class="govuk-tag govuk-tag--red">Overdue</strong>'
          : each.closedOn
            ? `Closed ${formatDate(each.closedOn)}`
            : 'On time',
      },
    ]),
    count: plural(read.cases.length, 'case'),
    timescales: describeTimescales(read.timescales),
    links: {
      add: paths.add({ panel: read.panel.slug }),
      counts: paths.panel({ panel: read.panel.slug }),
      action: paths.cases({ panel: read.panel.slug }),
    },
  };
}
export type RegisterPageModel = PageModel & ReturnType<typeof toRegisterPage>;

function describeTimescales(timescales: Timescales) {
  return `This Panel’s timescales: ${timescales.recordingDays} days to decide whether to record, ${timescales.referralDays} day(s) to refer a serious complaint to the IOPC, ${timescales.resolutionDays} days to resolve, and the complainant’s details kept ${timescales.retentionYears} years after closure (a policy choice, not statute). Only the 12 months of ${REGS} reg 15(3)(b) is fixed by law; set them with peelian complaints timescales.`;
}

export function toCasePage(read: Awaited<ReturnType<typeof readCase>>) {
  const { complaint: each, panel } = read;
  const target = caseTarget(panel, each.id);
  const erased = each.purgedOn ? `Erased on ${formatDate(each.purgedOn)}` : null;
  return {
    pageTitle: `Case ${each.id}: ${panel.name}`,
    panelName: panel.name,
    id: each.id,
    stage: stageOf(each),
    overdue: each.overdue,
    madeLate: each.madeLate,
    erased,
    rows: [
      { key: 'Kind', value: KIND_LABELS[each.kind] },
      { key: 'About', value: SUBJECT_LABELS[each.subject] },
      {
        key: 'Complainant',
        value: erased ?? each.complainantName ?? (each.kind === 'complaint' ? 'Anonymous' : 'None'),
      },
      { key: 'Contact', value: erased ?? each.complainantContact ?? 'None given' },
      { key: 'Received', value: formatDate(each.receivedOn) },
      { key: 'Latest incident', value: formatDate(each.incidentOn) || 'Not known' },
      { key: 'Alleges a criminal offence', value: each.serious ? 'Yes: it goes to the IOPC (reg 13)' : 'No' },
      {
        key: 'Recording',
        value:
          RECORDING_LABELS[each.recording] +
          (each.recordingDecidedOn ? `, decided ${formatDate(each.recordingDecidedOn)}` : ''),
      },
      ...(each.notRecordedGrounds
        ? [{ key: 'Grounds for not recording', value: GROUNDS_LABELS[each.notRecordedGrounds] }]
        : []),
      { key: 'Referred to the IOPC', value: formatDate(each.referredOn) || 'No' },
      {
        key: 'Outcome',
        value: each.outcome ? `${OUTCOME_LABELS[each.outcome]}, ${formatDate(each.outcomeOn)}` : 'None yet',
      },
      {
        key: 'Personal data kept until',
        value: erased ?? (each.retainedUntil ? formatDate(each.retainedUntil) : 'While the case is open'),
      },
    ].map(({ key, value }) => ({ key: { text: key }, value: { text: value } })),
    summary: paragraphs(each.summary),
    notRecordedNote: paragraphs(each.notRecordedNote),
    outcomeNote: paragraphs(each.outcomeNote),
    clocks: each.clocks.map((clock) => [
      { text: clock.name },
      { text: clock.due ? formatDate(clock.due) : '—' },
      { text: clock.doneOn ? formatDate(clock.doneOn) : '—' },
      {
        html: `<strong class="govuk-tag ${CLOCK_LABELS[clock.state].tag}">${CLOCK_LABELS[clock.state].text}</strong>`,
      },
      { text: clock.basis },
    ]),
    links: { register: paths.cases({ panel: panel.slug }), edit: each.purgedOn ? null : paths.edit(target) },
  };
}
export type CasePageModel = PageModel & ReturnType<typeof toCasePage>;

/** A stored case as the form's fields, dates as ISO strings (the date input shows them in its boxes). */
function formValuesOf(each: AssessedCase): Record<string, unknown> {
  return {
    kind: each.kind,
    subject: each.subject,
    complainantName: each.complainantName ?? '',
    complainantContact: each.complainantContact ?? '',
    summary: each.summary ?? '',
    receivedOn: each.receivedOn,
    incidentOn: each.incidentOn ?? '',
    serious: each.serious ? 'yes' : 'no',
    recording: each.recording,
    recordingDecidedOn: each.recordingDecidedOn ?? '',
    notRecordedGrounds: each.notRecordedGrounds ?? '',
    notRecordedNote: each.notRecordedNote ?? '',
    referredOn: each.referredOn ?? '',
    outcome: each.outcome ?? '',
    outcomeOn: each.outcomeOn ?? '',
    outcomeNote: each.outcomeNote ?? '',
  };
}

function radios<Value extends string>(
  values: readonly Value[],
  labels: Record<Value, string>,
  chosen: unknown,
) {
  return values.map((value) => ({ value, text: labels[value], checked: chosen === value }));
}

/** The one form for a new case and for every later step, with what was typed after a mistake. */
export function toCaseFormPage(panel: Panel, stored: AssessedCase | null, problem?: FormProblem) {
  const values = problem?.values ?? (stored ? formValuesOf(stored) : { recording: 'pending' });
  return {
    pageTitle: stored ? `Update case ${stored.id}: ${panel.name}` : `Record a complaint: ${panel.name}`,
    heading: stored ? `Update case ${stored.id}` : 'Record a complaint about the Commissioner',
    panelName: panel.name,
    values,
    errorList: problem?.errorList,
    fieldErrors: problem?.fieldErrors ?? {},
    kinds: radios(KINDS, KIND_LABELS, values.kind),
    subjects: radios(SUBJECTS, SUBJECT_LABELS, values.subject),
    serious: radios(['yes', 'no'] as const, { yes: 'Yes', no: 'No' }, values.serious),
    recordings: radios(RECORDINGS, RECORDING_LABELS, values.recording),
    grounds: [
      { value: '', text: 'None (it was recorded, or not decided yet)' },
      ...NOT_RECORDED_GROUNDS.map((value) => ({
        value,
        text: GROUNDS_LABELS[value],
        selected: values.notRecordedGrounds === value,
      })),
    ],
    outcomes: [
      { value: '', text: 'None yet' },
      ...OUTCOMES.map((value) => ({
        value,
        text: OUTCOME_LABELS[value],
        selected: values.outcome === value,
      })),
    ],
    action: stored ? paths.edit(caseTarget(panel, stored.id)) : paths.add({ panel: panel.slug }),
    back: stored ? paths.case(caseTarget(panel, stored.id)) : paths.cases({ panel: panel.slug }),
  };
}
export type CaseFormPageModel = PageModel & ReturnType<typeof toCaseFormPage>;
