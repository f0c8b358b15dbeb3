import { recordChange } from '../../../kernel/audit/audit.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { londonDateOf } from '../../../kernel/calendar/index.ts';
import { NotFoundError, ValidationError } from '../../../kernel/errors.ts';
import { bodyHas } from '../bodies.ts';
import { recordsAccess, type ScrutinyDeps } from '../scrutiny.context.ts';
import { listMembersByBody } from '../scrutiny.queries.ts';
import {
  findInterest,
  insertInterest,
  listCurrentInterests,
  updateInterestRemoved,
} from './interests.queries.ts';
import type { InterestForm } from './interests.schemas.ts';

/*
 * The register of members' interests: public, except the details of a sensitive interest, which only the
 * scrutiny officer sees.
 */

async function requirePanel(deps: ScrutinyDeps, slug: string) {
  const body = await deps.findBody(slug);
  if (!bodyHas(body, 'members')) throw new NotFoundError('There is no such panel');
  return body;
}

/** The panel, once the actor is known to be its scrutiny officer. */
async function requireManagedPanel(deps: ScrutinyDeps, actor: Actor, slug: string) {
  const body = await requirePanel(deps, slug);
  recordsAccess(deps.policy).requireManage(actor, body.id);
  return body;
}

export async function readRegister(deps: ScrutinyDeps, actor: Actor, slug: string) {
  const body = await requirePanel(deps, slug);
  const manage = recordsAccess(deps.policy).canManage(actor, body.id);
  const [members, interests] = await Promise.all([
    listMembersByBody(deps.db, body.id),
    listCurrentInterests(deps.db, body.id, londonDateOf(deps.now()), { withSensitiveDetails: manage }),
  ]);
  return { body, members, interests, canManage: manage };
}

export async function registerInterest(
  deps: ScrutinyDeps,
  actor: Actor,
  slug: string,
  form: InterestForm,
  requestId?: string,
) {
  const body = await requireManagedPanel(deps, actor, slug);
  const members = await listMembersByBody(deps.db, body.id);
  if (!members.some((member) => member.id === form.member))
    throw new ValidationError([{ field: 'member', message: 'Select a member of this panel' }]);
  if (form.registeredOn > londonDateOf(deps.now()))
    throw new ValidationError([
      { field: 'registeredOn', message: 'The date the interest was registered must be today or in the past' },
    ]);
  const values = {
    memberId: form.member,
    category: form.category,
    description: form.description,
    sensitive: form.sensitive,
    registeredOn: form.registeredOn,
  };
  return deps.db.transaction().execute(async (trx) => {
    const id = await insertInterest(trx, values);
    await recordChange(trx, actor, { type: 'member_interest', id }, undefined, values, requestId);
    return { id };
  });
}

/** Takes an interest off the register from today; the record stays, for the registers of the past. */
export async function removeInterest(
  deps: ScrutinyDeps,
  actor: Actor,
  slug: string,
  interestId: number,
  requestId?: string,
) {
  const body = await requireManagedPanel(deps, actor, slug);
  const today = londonDateOf(deps.now());
  await deps.db.transaction().execute(async (trx) => {
    const interest = await findInterest(trx, interestId);
    if (interest?.bodyId !== body.id || interest.removedOn !== null)
      throw new NotFoundError('There is no such interest on the register');
    await updateInterestRemoved(trx, interestId, today);
    await recordChange(
      trx,
      actor,
      { type: 'member_interest', id: interestId },
      { removedOn: null },
      { removedOn: today },
      requestId,
    );
  });
}
