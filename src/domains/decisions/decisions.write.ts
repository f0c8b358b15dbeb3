import { recordChange } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { ConflictError, type FieldError, ValidationError } from '../../kernel/errors.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import { publicationDueOn } from './decisions.clock.ts';
import {
  type DecisionsDeps,
  findOrRefuse,
  requireDraft,
  requireManage,
  todayOf,
} from './decisions.context.ts';
import { checkLinks, type Office } from './decisions.links.ts';
import {
  type DecisionRow,
  type DecisionValues,
  findNumber,
  insertDecision,
  listPolicingBodies,
  setLinks,
  updateDecision,
} from './decisions.queries.ts';
import type { DeferForm, EditForm, RecordForm, SignOffForm } from './decisions.schemas.ts';
import type { DecisionsDb as Db } from './decisions.tables.ts';

const AUDIT = (id: number) => ({ type: 'decision', id });

function refuse(errors: FieldError[]): void {
  if (errors.length) throw new ValidationError(errors);
}

/** Part 2 needs what the public is shown instead, and the exemption relied on; Part 2 advice needs it too. */
function checkConfidentialParts(form: EditForm): FieldError[] {
  const errors: FieldError[] = [];
  if (form.part === 'part-2' && !form.publicStub)
    errors.push({
      field: 'publicStub',
      message: 'Enter what the public register shows for a Part 2 decision',
    });
  if ((form.part === 'part-2' || form.part2Advice) && !form.exemption)
    errors.push({ field: 'exemption', message: 'Enter the exemption that keeps Part 2 from the public' });
  return errors;
}

/** The form's own fields as the decision's columns: the value in pence, the links apart. */
function valuesOf(form: EditForm) {
  const { value, priorities: _p, meetings: _m, recommendations: _r, ...fields } = form;
  return { ...fields, valuePence: value };
}

/** Every problem with the form beyond its own fields: Part 2's needs, and the plan, meetings and ledger. */
async function checkDecision(deps: DecisionsDeps, trx: Db, actor: Actor, office: Office, form: EditForm) {
  const { errors, links } = await checkLinks(deps, trx, actor, office, form);
  refuse([...checkConfidentialParts(form), ...errors]);
  return links;
}

/** Records a decision as a draft, under the office's own number. */
export function recordDecision(deps: DecisionsDeps, actor: Actor, form: RecordForm, requestId?: string) {
  return deps.db.transaction().execute(async (trx) => {
    const body = (await listPolicingBodies(trx)).find((each) => each.slug === form.body);
    if (!body) throw new ValidationError([{ field: 'body', message: 'Select the office' }]);
    requireManage(deps, actor, body.id);
    if (await findNumber(trx, body.id, form.number))
      refuse([{ field: 'number', message: `Decision ${form.number} is already in ${body.name}’s register` }]);
    const { body: _slug, number, ...fields } = form;
    const links = await checkDecision(deps, trx, actor, body, fields);
    const values: DecisionValues = { ...valuesOf(fields), bodyId: body.id, number };
    const id = await insertDecision(trx, values, links);
    await recordChange(trx, actor, AUDIT(id), undefined, { ...values, ...links }, requestId);
    return { body: body.slug, number };
  });
}

/** What the edit form shows and changes of a decision, as the audit trail records it before and after. */
function editableOf(row: DecisionRow) {
  return {
    title: row.title,
    summary: row.summary,
    maker: row.maker,
    keyDecision: row.keyDecision,
    plannedOn: row.plannedOn,
    valuePence: row.valuePence,
    advice: row.advice,
    part: row.part,
    publicStub: row.publicStub,
    part2Advice: row.part2Advice,
    exemption: row.exemption,
    informationRegime: row.informationRegime,
    priorities: row.priorities,
    meetings: row.meetings.map((meeting) => meeting.id),
    recommendations: row.recommendations.map((recommendation) => recommendation.id),
  };
}

/**
 * Changes a draft, with the same checks as recording it. Once a decision is signed off it is the record of
 * what was decided and signed, so it can no longer be changed: a new decision corrects it.
 */
export function editDecision(
  deps: DecisionsDeps,
  actor: Actor,
  target: { body: string; number: string },
  form: EditForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await findToChange(deps, trx, actor, target.body, target.number);
    requireDraft(row);
    const office = (await listPolicingBodies(trx)).find((each) => each.id === row.bodyId);
    if (!office) throw new ConflictError(`The office of decision ${row.number} is not a policing body`);
    const links = await checkDecision(deps, trx, actor, office, form);
    const values = valuesOf(form);
    await updateDecision(trx, row.id, values);
    await setLinks(trx, row.id, links);
    await recordChange(trx, actor, AUDIT(row.id), editableOf(row), { ...values, ...links }, requestId);
  });
}

async function findToChange(
  deps: DecisionsDeps,
  trx: DecisionsDeps['db'],
  actor: Actor,
  slug: string,
  number: string,
) {
  const row = await findOrRefuse(trx, slug, number);
  requireManage(deps, actor, row.bodyId);
  if (row.status === 'published')
    throw new ConflictError(`Decision ${number} is already published, so it can no longer be changed`);
  return row;
}

function checkSignOffDates(today: string, form: SignOffForm): FieldError[] {
  const errors: FieldError[] = [];
  if (form.decidedOn > today)
    errors.push({ field: 'decidedOn', message: 'The date of the decision cannot be in the future' });
  const decided = formatDate(form.decidedOn);
  if (form.cfoSignedOn > form.decidedOn)
    errors.push({
      field: 'cfoSignedOn',
      message: `The chief finance officer signs off before the decision is taken: the date cannot be after ${decided}`,
    });
  if (form.monitoringOfficerSignedOn > form.decidedOn)
    errors.push({
      field: 'monitoringOfficerSignedOn',
      message: `The monitoring officer signs off before the decision is taken: the date cannot be after ${decided}`,
    });
  return errors;
}

/**
 * Records that the decision was taken, with the statutory officers' sign-off (the chief finance officer, and the
 * chief executive as monitoring officer), which starts the publication clock.
 */
export function signOffDecision(
  deps: DecisionsDeps,
  actor: Actor,
  target: { body: string; number: string },
  form: SignOffForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await findToChange(deps, trx, actor, target.body, target.number);
    if (row.status !== 'draft') throw new ConflictError(`Decision ${row.number} is already signed off`);
    refuse(checkSignOffDates(todayOf(deps), form));
    const change = { ...form, status: 'signed' as const, publicationDueOn: publicationDueOn(form.decidedOn) };
    await updateDecision(trx, row.id, change);
    await recordChange(trx, actor, AUDIT(row.id), signOffOf(row), change, requestId);
  });
}

function signOffOf(row: DecisionRow) {
  const { status, decidedOn, cfoName, cfoSignedOn, monitoringOfficerName, monitoringOfficerSignedOn } = row;
  const { publicationDueOn: due } = row;
  return {
    decidedOn,
    cfoName,
    cfoSignedOn,
    monitoringOfficerName,
    monitoringOfficerSignedOn,
    status,
    publicationDueOn: due,
  };
}

/** What is missing for publication, each against its field on the sign-off form. */
function missingSignOff(row: DecisionRow): FieldError[] {
  if (row.status !== 'draft') return [];
  return [
    { field: 'decidedOn', message: `Record the date of decision ${row.number} before publishing it` },
    { field: 'cfoName', message: 'Record the chief finance officer’s sign-off before publishing' },
    { field: 'monitoringOfficerName', message: 'Record the monitoring officer’s sign-off before publishing' },
  ];
}

/** Defers publication, with its reason, to a date after the decision (where publishing sooner would harm it). */
export function deferPublication(
  deps: DecisionsDeps,
  actor: Actor,
  target: { body: string; number: string },
  form: DeferForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await findToChange(deps, trx, actor, target.body, target.number);
    if (row.status === 'draft' || !row.decidedOn)
      refuse([
        { field: 'deferredUntil', message: 'Record the decision and its sign-off before deferring it' },
      ]);
    if (form.deferredUntil <= (row.decidedOn as string))
      refuse([
        {
          field: 'deferredUntil',
          message: `The date publication is deferred until must be after the decision, on ${formatDate(row.decidedOn)}`,
        },
      ]);
    await updateDecision(trx, row.id, form);
    const before = { deferredUntil: row.deferredUntil, deferralReason: row.deferralReason };
    await recordChange(trx, actor, AUDIT(row.id), before, form, requestId);
  });
}

/**
 * Publishes a signed decision (Part 1, or the stub and exemption of Part 2); the clock says how late. `at` is
 * when, for loading a register's history; otherwise now.
 */
export function publishDecision(
  deps: DecisionsDeps,
  actor: Actor,
  target: { body: string; number: string },
  requestId?: string,
  at: Date = deps.now(),
) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await findToChange(deps, trx, actor, target.body, target.number);
    refuse(missingSignOff(row));
    const change = { status: 'published' as const, publishedAt: at };
    await updateDecision(trx, row.id, change);
    await recordChange(
      trx,
      actor,
      AUDIT(row.id),
      { status: row.status, publishedAt: null },
      change,
      requestId,
    );
  });
}
