import { recordChange } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { ConflictError, type FieldError, NotFoundError, ValidationError } from '../../kernel/errors.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import { NOT_YET_ANSWERED } from '../recommendations/index.ts';
import { responseDueOn, takesResponse } from './inspections.clock.ts';
import {
  findOrRefuse,
  type InspectionsDeps,
  refuse,
  requireManage,
  resolveActions,
  todayOf,
} from './inspections.context.ts';
import { inspectionPaths as paths } from './inspections.paths.ts';
import {
  type FindingRow,
  type InspectionRow,
  insertFinding,
  insertInspection,
  listFindings,
  listGrades,
  listInspectionCodes,
  listPolicingBodies,
  replaceGrades,
  updateFinding,
  updateInspection,
} from './inspections.queries.ts';
import type {
  FindingChangeForm,
  FindingForm,
  FindingTarget,
  GradeForm,
  InspectionForm,
  InspectionTarget,
  ResponseForm,
} from './inspections.schemas.ts';
import type { InspectionsDb as Db } from './inspections.tables.ts';

const AUDIT = (id: number) => ({ type: 'inspection', id });

/** The report's dates in order: fieldwork before publication, and neither in the future. */
export function checkReportDates(
  today: string,
  report: { fieldworkEndedOn: string | null; reportPublishedOn: string },
  at = '',
): FieldError[] {
  const errors: FieldError[] = [];
  if (report.reportPublishedOn > today)
    errors.push({
      field: `${at}reportPublishedOn`,
      message: 'The date the report was published cannot be in the future',
    });
  if (report.fieldworkEndedOn && report.fieldworkEndedOn > report.reportPublishedOn)
    errors.push({
      field: `${at}fieldworkEndedOn`,
      message: `Fieldwork ends before the report is published: the date cannot be after ${formatDate(report.reportPublishedOn)}`,
    });
  return errors;
}

/** The response comes after the report, is not in the future, and only an HMICFRS report has one. */
export function checkResponse(
  today: string,
  report: { kind: InspectionRow['kind']; reportPublishedOn: string },
  respondedOn: string,
  field: string,
): FieldError[] {
  if (!takesResponse(report.kind))
    return [{ field, message: 'An audit or assurance report has no statutory response to record' }];
  if (respondedOn > today) return [{ field, message: 'The date of the response cannot be in the future' }];
  if (respondedOn < report.reportPublishedOn)
    return [
      {
        field,
        message: `The response comes after the report: the date cannot be before ${formatDate(report.reportPublishedOn)}`,
      },
    ];
  return [];
}

export async function findBody(trx: Db, slug: string, field = 'body') {
  const body = (await listPolicingBodies(trx)).find((each) => each.slug === slug);
  if (!body) throw new ValidationError([{ field, message: `There is no office called ${slug}` }]);
  return body;
}

/** Records a report as a draft: its officers check it before publishing it. */
export function recordInspection(
  deps: InspectionsDeps,
  actor: Actor,
  form: InspectionForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const body = await findBody(trx, form.body);
    requireManage(deps, actor, body.id);
    refuse(checkReportDates(todayOf(deps), form));
    if ((await listInspectionCodes(trx, body.id)).includes(form.code))
      refuse([{ field: 'code', message: `${form.code} is already a report of ${body.name}` }]);
    const { body: _slug, ...fields } = form;
    const id = await insertInspection(trx, { ...fields, bodyId: body.id });
    await recordChange(trx, actor, AUDIT(id), undefined, fields, requestId);
    return { body: body.slug, code: form.code };
  });
}

async function findToChange(deps: InspectionsDeps, trx: Db, actor: Actor, target: InspectionTarget) {
  const row = await findOrRefuse(trx, target.body, target.code);
  requireManage(deps, actor, row.bodyId);
  return row;
}

/** Adds a graded question to the report. */
export function addGrade(
  deps: InspectionsDeps,
  actor: Actor,
  target: InspectionTarget,
  form: GradeForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await findToChange(deps, trx, actor, target);
    const grades = (await listGrades(trx, [row.id])).map(({ question, grade }) => ({ question, grade }));
    if (grades.some((each) => each.question.toLowerCase() === form.question.toLowerCase()))
      refuse([{ field: 'question', message: `${form.question} is already graded in this report` }]);
    await replaceGrades(trx, row.id, [...grades, form]);
    await recordChange(trx, actor, AUDIT(row.id), { grades }, { grades: [...grades, form] }, requestId);
  });
}

const LEDGER_PREFIX = { 'cause-of-concern': 'C', recommendation: 'R' } as const;

/**
 * Enters a cause of concern or a recommendation in the ledger, inside this transaction, as the report's draft
 * or public entry: its response is due with the report's (s55), so the ledger's overdue rule follows the Act.
 */
async function enterInLedger(
  deps: InspectionsDeps,
  trx: Db,
  actor: Actor,
  report: InspectionRow,
  finding: { kind: 'cause-of-concern' | 'recommendation'; number: string; text: string; addressee: string },
): Promise<number> {
  const values = {
    bodyId: report.bodyId,
    reference: `${report.code}/${LEDGER_PREFIX[finding.kind]}${finding.number}`,
    origin: report.kind === 'audit' ? ('audit' as const) : ('inspection' as const),
    originTitle: `${report.madeBy}: ${report.title}`,
    originUrl: paths.inspection({ body: report.bodySlug, code: report.code }),
    madeOn: report.reportPublishedOn,
    topic: finding.kind === 'cause-of-concern' ? 'Cause of concern' : null,
    text: finding.text,
    addressee: finding.addressee,
    responseDueOn: responseDueOn(report.kind, report.reportPublishedOn),
    ...NOT_YET_ANSWERED,
  };
  const { id } = await deps.ledger.setFromFile(trx, actor, { values, actions: [], progress: [] });
  await deps.ledger.setVisibility(trx, [id], report.status === 'published' ? 'public' : 'draft');
  return id;
}

/** A finding as it is saved: its delivery action resolved from its address to the action's id. */
export type FindingToSave = Omit<FindingForm, 'deliveryAction'> & { deliveryActionId: number | null };

/** Changes a recorded finding's wording (reworded in the ledger too) and delivery action, if either differs. */
async function changeSavedFinding(
  deps: InspectionsDeps,
  trx: Db,
  actor: Actor,
  existing: FindingRow,
  change: { text: string; deliveryActionId: number | null },
  requestId?: string,
): Promise<boolean> {
  const { text, deliveryActionId } = change;
  if (existing.text === text && existing.deliveryActionId === deliveryActionId) return false;
  if (existing.recommendationId !== null && existing.text !== text)
    await deps.ledger.reword(trx, actor, { id: existing.recommendationId, from: existing.text, to: text });
  await updateFinding(trx, existing.id, change);
  const before = { text: existing.text, deliveryActionId: existing.deliveryActionId };
  await recordChange(trx, actor, { type: 'inspection_finding', id: existing.id }, before, change, requestId);
  return true;
}

/**
 * Adds a finding, or (from a file) changes one's wording and delivery action. A new cause of concern or
 * recommendation enters the ledger; a changed one is reworded there. Returns whether anything changed.
 */
export async function saveFinding(
  deps: InspectionsDeps,
  trx: Db,
  actor: Actor,
  report: InspectionRow,
  finding: FindingToSave,
  existing: FindingRow | undefined,
): Promise<boolean> {
  const { deliveryActionId } = finding;
  if (existing)
    return changeSavedFinding(deps, trx, actor, existing, { text: finding.text, deliveryActionId });
  const recommendationId =
    finding.kind === 'area-for-improvement'
      ? null
      : await enterInLedger(deps, trx, actor, report, { ...finding, kind: finding.kind });
  const values = {
    inspectionId: report.id,
    kind: finding.kind,
    number: finding.number,
    text: finding.text,
    recommendationId,
    deliveryActionId,
  };
  const id = await insertFinding(trx, values);
  await recordChange(trx, actor, { type: 'inspection_finding', id }, undefined, values);
  return true;
}

/**
 * The id of the delivery action a form names, among the office's own, checked before the form's transaction
 * opens: delivery reads its plans on its own connection, which PGlite would not give while a transaction holds it.
 */
async function actionChosen(
  deps: InspectionsDeps,
  actor: Actor,
  target: InspectionTarget,
  address: string | null,
) {
  const row = await findOrRefuse(deps.db, target.body, target.code);
  requireManage(deps, actor, row.bodyId);
  const [id] = await resolveActions(deps, actor, row.bodyId, [{ field: 'deliveryAction', address }]);
  return id ?? null;
}

export async function addFinding(
  deps: InspectionsDeps,
  actor: Actor,
  target: InspectionTarget,
  { deliveryAction, ...form }: FindingForm,
  _requestId?: string,
) {
  const deliveryActionId = await actionChosen(deps, actor, target, deliveryAction);
  return deps.db.transaction().execute(async (trx) => {
    const row = await findToChange(deps, trx, actor, target);
    const findings = await listFindings(trx, [row.id]);
    if (findings.some((each) => each.kind === form.kind && each.number === form.number))
      refuse([
        {
          field: 'number',
          message: `This report already has a ${form.kind.replaceAll('-', ' ')} numbered ${form.number}`,
        },
      ]);
    await saveFinding(deps, trx, actor, row, { ...form, deliveryActionId }, undefined);
  });
}

/**
 * Corrects a finding's wording and sets (or removes) the action of the office's delivery plans that answers it;
 * its kind and number stay, as they name it in the ledger and in files.
 */
export async function changeFinding(
  deps: InspectionsDeps,
  actor: Actor,
  target: FindingTarget,
  form: FindingChangeForm,
  requestId?: string,
) {
  const deliveryActionId = await actionChosen(deps, actor, target, form.deliveryAction);
  return deps.db.transaction().execute(async (trx) => {
    const row = await findToChange(deps, trx, actor, target);
    const finding = (await listFindings(trx, [row.id])).find(
      (each) => each.kind === target.kind && each.number === target.number,
    );
    if (!finding) throw new NotFoundError('There is no such finding in this report');
    await changeSavedFinding(deps, trx, actor, finding, { text: form.text, deliveryActionId }, requestId);
    return target;
  });
}

/** Records the Commissioner's published response (s55), with its date and link; a correction replaces it. */
export function recordResponse(
  deps: InspectionsDeps,
  actor: Actor,
  target: InspectionTarget,
  form: ResponseForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await findToChange(deps, trx, actor, target);
    refuse(checkResponse(todayOf(deps), row, form.responsePublishedOn, 'responsePublishedOn'));
    await updateInspection(trx, row.id, form);
    const before = { responsePublishedOn: row.responsePublishedOn, responseUrl: row.responseUrl };
    await recordChange(trx, actor, AUDIT(row.id), before, form, requestId);
  });
}

/** Publishes a checked report: it and its ledger entries become public. */
export async function publishWithin(
  deps: InspectionsDeps,
  trx: Db,
  actor: Actor,
  row: InspectionRow,
  requestId?: string,
) {
  if (row.status === 'published') throw new ConflictError(`${row.code} is already published`);
  await updateInspection(trx, row.id, { status: 'published' });
  const ids = (await listFindings(trx, [row.id])).flatMap((each) =>
    each.recommendationId === null ? [] : [each.recommendationId],
  );
  await deps.ledger.setVisibility(trx, ids, 'public');
  await recordChange(trx, actor, AUDIT(row.id), { status: row.status }, { status: 'published' }, requestId);
}

export function publishInspection(
  deps: InspectionsDeps,
  actor: Actor,
  target: InspectionTarget,
  _form: unknown,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await findToChange(deps, trx, actor, target);
    await publishWithin(deps, trx, actor, row, requestId);
  });
}
