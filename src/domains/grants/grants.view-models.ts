import { formatDate } from '../../kernel/formats/dates.ts';
import type { FormProblem } from '../../kernel/http/form-route.ts';
import { formatPence } from '../precept/index.ts';
import type { OrganisationHome } from './grants.applications.ts';
import type { ApplicationRead } from './grants.assessment.ts';
import { grantsPaths as paths } from './grants.paths.ts';
import type { ApplicationRow, AwardRow, OrganisationRow } from './grants.queries.ts';
import { describeTotal, MAX_TOTAL, ORGANISATION_LABELS, type RoundTerms, SCORES } from './grants.rules.ts';
import { QUESTIONS, type Question } from './grants.schemas.ts';
import { type ApplicationState, ORGANISATION_TYPES, type OrganisationType } from './grants.tables.ts';

// What grants' pages and API show, from what the service read.

function errorsOf(problem?: FormProblem) {
  return {
    values: problem?.values ?? {},
    errorList: problem?.errorList,
    fieldErrors: problem?.fieldErrors ?? {},
  };
}

const STATE_TAGS: Record<ApplicationState, { text: string; classes: string }> = {
  draft: { text: 'Draft', classes: 'govuk-tag--grey' },
  submitted: { text: 'Submitted', classes: 'govuk-tag--blue' },
  approved: { text: 'Approved', classes: 'govuk-tag--green' },
  rejected: { text: 'Rejected', classes: 'govuk-tag--red' },
};

function organisationNumber(row: {
  charityNumber: string | null;
  companyNumber: string | null;
  localAuthorityCode: string | null;
}): string | null {
  if (row.charityNumber) return `Charity number ${row.charityNumber}`;
  if (row.companyNumber) return `Company number ${row.companyNumber}`;
  if (row.localAuthorityCode) return `GSS code ${row.localAuthorityCode}`;
  return null;
}

function applicationSummary(row: ApplicationRow) {
  return {
    url: paths.application({ id: row.id }),
    title: row.project ?? 'Untitled application',
    organisation: row.organisationName,
    fund: `${row.fundName}: ${row.roundName}`,
    amount: row.amountPence === null ? 'Not given yet' : formatPence(row.amountPence),
    submitted: row.submittedOn ? formatDate(row.submittedOn) : 'Not submitted',
    state: STATE_TAGS[row.state],
  };
}

export function toOrganisationHomePage(home: OrganisationHome, problem?: FormProblem) {
  const { organisation } = home;
  return {
    pageTitle: `Grant applications: ${organisation.name}`,
    ...errorsOf(problem),
    organisation: {
      name: organisation.name,
      type: organisation.type ? ORGANISATION_LABELS[organisation.type] : null,
      number: organisationNumber(organisation),
      change: paths.organisationDetails(),
    },
    applications: home.applications.map(applicationSummary),
    rounds: home.rounds.map((round) => ({
      fund: round.fundSlug,
      round: round.roundName,
      title: `${round.fundName}: ${round.roundName}`,
      closes: formatDate(round.closesOn),
      eligibility: round.eligibility,
      largest: round.maxAwardPence === null ? null : formatPence(round.maxAwardPence),
    })),
    start: paths.start(),
  };
}

export function toOrganisationFormPage(organisation: OrganisationRow, problem?: FormProblem) {
  const shown = errorsOf(problem);
  const values = problem
    ? shown.values
    : {
        type: organisation.type,
        charityNumber: organisation.charityNumber,
        companyNumber: organisation.companyNumber,
        localAuthorityCode: organisation.localAuthorityCode,
      };
  return {
    pageTitle: `Your organisation: ${organisation.name}`,
    name: organisation.name,
    ...shown,
    values,
    types: ORGANISATION_TYPES.map((value) => ({
      value,
      text: ORGANISATION_LABELS[value],
      checked: values.type === value,
    })),
    action: paths.organisationDetails(),
    back: paths.organisation(),
  };
}

const QUESTION_PAGES: Record<Question, { title: string; hint: string; field: string }> = {
  project: {
    title: 'What is your project called?',
    hint: 'A short name, as it would appear in a list of awards.',
    field: 'project',
  },
  purpose: {
    title: 'What is the money for?',
    hint: 'What you will do, for whom, and how it serves the plan. If the grant is awarded this is published.',
    field: 'purpose',
  },
  amount: {
    title: 'How much are you asking for?',
    hint: 'In pounds and pence, like £2,500.00.',
    field: 'amount',
  },
  contact: {
    title: 'Who should we contact about this application?',
    hint: 'Their full name. This is never published.',
    field: 'contactName',
  },
};

function answerOf(application: ApplicationRow, question: Question): string | null {
  switch (question) {
    case 'project':
      return application.project;
    case 'purpose':
      return application.purpose;
    case 'amount':
      return application.amountPence === null ? null : formatPence(application.amountPence);
    case 'contact':
      return application.contactName;
  }
}

function limitsOf(terms: RoundTerms): string {
  const parts = [`closes on ${formatDate(terms.closesOn)}`];
  if (terms.maxAwardPence !== null) parts.push(`awards up to ${formatPence(terms.maxAwardPence)}`);
  return `${terms.roundName} of ${terms.fundName} ${parts.join(' and ')}.`;
}

export function toQuestionPage(
  read: { application: ApplicationRow; terms: RoundTerms },
  question: Question,
  problem?: FormProblem,
) {
  const page = QUESTION_PAGES[question];
  const shown = errorsOf(problem);
  const id = read.application.id;
  const index = QUESTIONS.indexOf(question);
  const previous = QUESTIONS[index - 1];
  return {
    pageTitle: page.title,
    ...page,
    question,
    caption: `${read.terms.fundName}: ${read.terms.roundName} — question ${index + 1} of ${QUESTIONS.length}`,
    limits: question === 'amount' ? limitsOf(read.terms) : null,
    ...shown,
    value: problem ? String(shown.values[page.field] ?? '') : (answerOf(read.application, question) ?? ''),
    action: paths.question({ id, question }),
    back: previous ? paths.question({ id, question: previous }) : paths.organisation(),
  };
}

export function toCheckPage(read: { application: ApplicationRow; terms: RoundTerms }, problem?: FormProblem) {
  const id = read.application.id;
  return {
    pageTitle: 'Check your answers before submitting your application',
    caption: `${read.terms.fundName}: ${read.terms.roundName}`,
    ...errorsOf(problem),
    rows: QUESTIONS.map((question) => ({
      id: question,
      key: { text: QUESTION_PAGES[question].title },
      value: { text: answerOf(read.application, question) ?? 'Not answered' },
      actions: {
        items: [
          {
            href: paths.question({ id, question }),
            text: 'Change',
            visuallyHiddenText: QUESTION_PAGES[question].title.toLowerCase(),
          },
        ],
      },
    })),
    limits: limitsOf(read.terms),
    action: paths.check({ id }),
    back: paths.question({ id, question: QUESTIONS[QUESTIONS.length - 1] as Question }),
  };
}

export function toOfficerListPage(rows: ApplicationRow[]) {
  return {
    pageTitle: 'Grant applications to assess',
    applications: rows.map((row) => ({
      ...applicationSummary(row),
      total: String(row.moderatedTotal ?? row.weightedTotal ?? 'Not scored'),
    })),
    json: paths.apiApplications(),
  };
}

function scoreItems(chosen: unknown) {
  return SCORES.map((score) => ({
    value: String(score),
    text: String(score),
    checked: String(chosen) === String(score),
  }));
}

/** The application page: its answers, and for an officer its assessment so far and the next step's form. */
export function toApplicationPage(read: ApplicationRead, problem?: FormProblem) {
  const { application, as } = read;
  const shown = errorsOf(problem);
  const id = application.id;
  const officer = as === 'officer';
  const assessed = application.assessorUserId !== null;
  const moderated = application.moderatedOn !== null;
  const me = read.myDeclaration;
  const cleared = me !== null && !me.conflicted;
  const isAssessor = me !== null && application.assessorUserId === me.userId;
  const step = !officer
    ? null
    : me === null && application.state !== 'rejected' && application.awardId === null
      ? 'declare'
      : !cleared
        ? null
        : application.state === 'submitted' && !assessed
          ? 'score'
          : application.state === 'submitted' && !moderated && !isAssessor
            ? 'moderate'
            : application.state === 'submitted' && moderated
              ? 'decide'
              : application.state === 'approved' && application.awardId === null
                ? 'award'
                : null;
  return {
    pageTitle: `${application.project ?? 'Application'}: ${application.organisationName}`,
    ...shown,
    officer,
    step,
    conflicted: me?.conflicted ?? false,
    awaitingModerator: officer && assessed && !moderated && isAssessor,
    state: STATE_TAGS[application.state],
    caption: `${application.fundName}: ${application.roundName}`,
    organisation: application.organisationName,
    rows: [
      { key: { text: 'Organisation' }, value: { text: application.organisationName } },
      { key: { text: 'Project' }, value: { text: application.project ?? 'Not answered' } },
      { key: { text: 'What the money is for' }, value: { text: application.purpose ?? 'Not answered' } },
      {
        key: { text: 'Amount asked for' },
        value: {
          text: application.amountPence === null ? 'Not answered' : formatPence(application.amountPence),
        },
      },
      { key: { text: 'Contact' }, value: { text: application.contactName ?? 'Not answered' } },
      {
        key: { text: 'Submitted' },
        value: { text: application.submittedOn ? formatDate(application.submittedOn) : 'Not yet' },
      },
    ],
    continueUrl: application.state === 'draft' ? paths.check({ id }) : null,
    declarations: read.declarations.map((each) => ({
      name: each.officerName,
      conflicted: each.conflicted ? 'Conflict of interest declared' : 'No conflict',
      note: each.note ?? '',
      on: formatDate(each.declaredOn),
    })),
    scores: read.scores.map((each) => ({
      criterion: each.criterion,
      weight: each.weight,
      score: each.score,
      moderated: each.moderatedScore ?? '',
    })),
    assessment: assessed
      ? {
          by: `${application.assessorName} on ${formatDate(application.assessedOn)}`,
          total: describeTotal(application.weightedTotal ?? 0),
          moderation: moderated
            ? `${application.moderation === 'agreed' ? 'Agreed' : 'Changed'} by ${application.moderatorName} on ${formatDate(application.moderatedOn)}: ${describeTotal(application.moderatedTotal ?? 0)}${application.moderationNote ? `. ${application.moderationNote}` : ''}`
            : null,
        }
      : null,
    maxTotal: MAX_TOTAL,
    decision: application.decidedOn
      ? {
          text: `${application.state === 'approved' ? 'Approved' : 'Rejected'} on ${formatDate(application.decidedOn)}${officer ? ` by ${application.decidedBy}` : ''}`,
          reason: application.decisionReason,
        }
      : null,
    award: read.award
      ? {
          amount: formatPence(read.award.amountPence),
          on: formatDate(read.award.awardedOn),
          year: read.award.financialYear.replace('-', '/'),
          conditions: read.award.conditions,
          instalments: read.instalments.map((each) => ({
            number: each.number,
            due: formatDate(each.dueOn),
            amount: formatPence(each.amountPence ?? 0),
          })),
          url: paths.award({ id: read.award.id }),
        }
      : null,
    criteria: read.criteria.map((criterion, index) => {
      const field = `score-${index + 1}`;
      const scored = read.scores[index];
      return {
        field,
        legend: `${criterion.name} (weight ${criterion.weight})`,
        hint: criterion.description ?? '',
        items: scoreItems(problem ? shown.values[field] : step === 'moderate' ? scored?.score : undefined),
      };
    }),
    actions: {
      declare: paths.declaration({ id }),
      score: paths.score({ id }),
      moderate: paths.moderation({ id }),
      decide: paths.decision({ id }),
      award: paths.makeAward({ id }),
    },
    back: officer ? paths.applications() : paths.organisation(),
  };
}

export function toAwardFormHint(read: { year: string; remainingPence: number }) {
  return `Left in the fund’s budget for ${read.year.replace('-', '/')}: ${formatPence(read.remainingPence)}.`;
}

function awardSummary(award: AwardRow) {
  return {
    url: paths.award({ id: award.id }),
    recipient: award.recipientName,
    identifier: organisationNumber(award),
    type: ORGANISATION_LABELS[award.recipientType as OrganisationType],
    amount: formatPence(award.amountPence ?? 0),
    on: formatDate(award.awardedOn),
    fund: award.fundName,
    project: award.project ?? '',
    purpose: award.purpose ?? '',
    illustrative: award.illustrative,
  };
}

export function toAwardsPage(awards: AwardRow[]) {
  return {
    pageTitle: 'Grants awarded',
    awards: awards.map(awardSummary),
    json: paths.apiAwards(),
  };
}

export function toAwardPage(award: AwardRow) {
  return {
    pageTitle: `${award.project ?? 'Award'}: ${award.recipientName}`,
    award: awardSummary(award),
    back: paths.awards(),
  };
}

export function toAwardJson(award: AwardRow) {
  return {
    id: award.id,
    recipient: {
      name: award.recipientName,
      type: award.recipientType as OrganisationType,
      charityNumber: award.charityNumber,
      companyNumber: award.companyNumber,
      localAuthorityCode: award.localAuthorityCode,
    },
    fund: { slug: award.fundSlug, name: award.fundName },
    financialYear: award.financialYear,
    amountPence: award.amountPence ?? 0,
    awardedOn: award.awardedOn,
    purpose: award.purpose ?? '',
    illustrative: award.illustrative,
  };
}

export function toApplicationJson(row: ApplicationRow) {
  return {
    id: row.id,
    organisation: row.organisationName,
    fund: { slug: row.fundSlug, name: row.fundName },
    round: row.roundName,
    state: row.state as 'submitted' | 'approved' | 'rejected',
    project: row.project ?? '',
    purpose: row.purpose ?? '',
    amountPence: row.amountPence ?? 0,
    submittedOn: row.submittedOn ?? '',
    weightedTotal: row.weightedTotal,
    moderatedTotal: row.moderatedTotal,
    decision:
      row.decidedOn && row.decisionReason
        ? { decidedOn: row.decidedOn, reason: row.decisionReason, decidedBy: row.decidedBy ?? '' }
        : null,
    awardId: row.awardId,
  };
}
