import type { z } from 'zod';
import { financialYearStarting, londonDateOf } from '../../kernel/calendar/index.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import type { FormProblem } from '../../kernel/http/form-route.ts';
import type { PageModel } from '../../kernel/http/views.ts';
import type { PackContent } from './packs.content.ts';
import { packPaths as paths } from './packs.paths.ts';
import { financialQuarter } from './packs.quarters.ts';
import type { PackRow } from './packs.queries.ts';
import type { PackJson, PackSummaryJson } from './packs.schemas.ts';
import type { PackRecord, PacksService } from './packs.service.ts';

const issuedWords = (row: PackRow) =>
  row.issuedAt
    ? `Issued on ${formatDate(londonDateOf(row.issuedAt))}`
    : 'Draft: drawn from the data as it is now';

function listItem(row: PackRow) {
  return {
    url: paths.pack({ id: row.id }),
    title: financialQuarter(row.financialYear, row.quarter).label,
    office: row.bodyName,
    plan: `${row.planSlug}, version ${row.planVersion}`,
    edition: row.edition,
    status: issuedWords(row),
    draft: row.status === 'draft',
  };
}

export function toPacksPage(rows: PackRow[], canManage: boolean) {
  return {
    pageTitle: 'Performance packs',
    packs: rows.map(listItem),
    canManage,
    addUrl: paths.add(),
    apiUrl: paths.apiList(),
  };
}
export type PacksPageModel = PageModel & ReturnType<typeof toPacksPage>;

/** The contents list: each priority, then the parts for the whole plan, each linking to its heading. */
function contentsOf(content: PackContent) {
  return [
    ...content.priorities.map((priority) => ({
      href: `#${priority.id}`,
      text: `${priority.code} ${priority.title}`,
    })),
    ...content.general.map((section) => ({ href: `#${section.id}`, text: section.heading })),
  ];
}

/**
 * The pack's page, which is also what Chromium prints for the PDF: the same model and template, so the PDF
 * and the page cannot differ. `printed` leaves out the forms and links that mean nothing on paper.
 */
export function toPackPage(record: PackRecord, printed: boolean, pdfAvailable: boolean) {
  const { row, content, meeting } = record;
  return {
    pageTitle: `${content.title}, ${content.body.name}${row.edition > 1 ? `, edition ${row.edition}` : ''}`,
    pack: content,
    draft: row.status === 'draft',
    status: issuedWords(row),
    drawnAt: formatDate(londonDateOf(new Date(content.drawnAt))),
    edition: row.edition,
    contents: contentsOf(content),
    meeting: meeting ? { title: meeting.title, url: `/meetings/${meeting.id}` } : null,
    printed,
    pdfAvailable,
    canIssue: record.canManage && row.status === 'draft' && !printed,
    issueUrl: paths.issue({ id: row.id }),
    pdfUrl: paths.pdf({ id: row.id }),
    jsonUrl: row.status === 'issued' ? paths.apiPack({ id: row.id }) : null,
    backUrl: paths.list(),
  };
}
export type PackPageModel = PageModel & ReturnType<typeof toPackPage>;

type Choices = Awaited<ReturnType<PacksService['formChoices']>>;

export function toNewPackPage(choices: Choices, problem?: FormProblem) {
  const values = problem?.values ?? {};
  const chosen = (name: string) => String(values[name] ?? '');
  const select = <T>(items: T[], value: (item: T) => string, text: (item: T) => string, current: string) => [
    { value: '', text: 'Select…', selected: current === '' },
    ...items.map((item) => ({ value: value(item), text: text(item), selected: value(item) === current })),
  ];
  return {
    pageTitle: 'Start a performance pack',
    action: paths.add(),
    values,
    errorList: problem?.errorList,
    fieldErrors: problem?.fieldErrors ?? {},
    offices: select(
      choices.offices,
      (body) => body.slug,
      (body) => body.name,
      chosen('body'),
    ),
    plans: select(
      choices.plans,
      (plan) => `${plan.slug}:${plan.number}`,
      (plan) => `${plan.title}, version ${plan.number}`,
      chosen('plan'),
    ),
    meetings: [
      { value: '', text: 'None', selected: chosen('meeting') === '' },
      ...choices.meetings.map((meeting) => ({
        value: String(meeting.id),
        text: `${meeting.title} (${formatDate(londonDateOf(meeting.startsAt))})`,
        selected: String(meeting.id) === chosen('meeting'),
      })),
    ],
    quarters: [1, 2, 3, 4].map((quarter) => ({
      value: String(quarter),
      text: `Quarter ${quarter}`,
      hint: {
        text: ['April to June', 'July to September', 'October to December', 'January to March'][quarter - 1],
      },
    })),
  };
}
export type NewPackPageModel = PageModel & ReturnType<typeof toNewPackPage>;

export function toPackSummaryJson(row: PackRow & { content: PackContent }): z.input<typeof PackSummaryJson> {
  const { content } = row;
  return {
    id: row.id,
    title: content.title,
    office: content.body,
    plan: content.plan,
    quarter: {
      ...content.quarter,
      financialYear: financialYearStarting(content.quarter.financialYear).label,
    },
    edition: row.edition,
    issuedAt: (row.issuedAt as Date).toISOString(),
    meetingId: row.meetingId,
    url: paths.apiPack({ id: row.id }),
    pdfUrl: paths.pdf({ id: row.id }),
  };
}

export function toPackJson(row: PackRow & { content: PackContent }): z.input<typeof PackJson> {
  return {
    ...toPackSummaryJson(row),
    drawnAt: row.content.drawnAt,
    priorities: row.content.priorities,
    general: row.content.general,
  };
}
