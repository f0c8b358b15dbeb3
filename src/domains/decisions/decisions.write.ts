import { recordChange } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { ConflictError, type FieldError, ValidationError } from '../../kernel/errors.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import { publicationDueOn } from './decisions.clock.ts';
import { type DecisionsDeps, findOrRefuse, requireManage, todayOf } from './decisions.context.ts';
import {
  type DecisionRow,
  type DecisionValues,
  findNumber,
  insertDecision,
  listPolicingBodies,
  updateDecision,
} from './decisions.queries.ts';
import type { DeferForm, RecordForm, SignOffForm } from './decisions.schemas.ts';

const AUDIT = (id: number) => ({ type: 'decision', id });

function refuse(errors: FieldError[]): void {
  if (errors.length) throw new ValidationError(errors);
}

/** Part 2 needs what the public is shown instead, and the exemption relied on; Part 2 advice needs it too. */
function checkConfidentialParts(form: RecordForm): FieldError[] {
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

/** Records a decision as a draft, under the office's own number. */
export function recordDecision(deps: DecisionsDeps, actor: Actor, form: RecordForm, requestId?: string) {
  return deps.db.transaction().execute(async (trx) => {
    const body = (await listPolicingBodies(trx)).find((each) => each.slug === form.body);
    if (!body) throw new ValidationError([{ field: 'body', message: 'Select the office' }]);
    requireManage(deps, actor, body.id);
    refuse(checkConfidentialParts(form));
    if (await findNumber(trx, body.id, form.number))
      refuse([{ field: 'number', message: `Decision ${form.number} is already in ${body.name}’s register` }]);
    const { body: _slug, value, priorities, ...fields } = form;
    const values: DecisionValues = { ...fields, bodyId: body.id, valuePence: value };
    const id = await insertDecision(trx, values, priorities);
    await recordChange(trx, actor, AUDIT(id), undefined, { ...values, priorities }, requestId);
    return { body: body.slug, number: form.number };
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
  if (row.status === 'published') throw new ConflictError(`Decision ${number} is already published`);
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
