import { recordChange } from '../../kernel/audit/audit.ts';
import { type Actor, actorLabel } from '../../kernel/auth/actor.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../kernel/errors.ts';
import { formatPence } from '../precept/index.ts';
import { type GrantsDeps, officersApplication, requireState, termsOf, todayOf } from './grants.context.ts';
import { awardedFrom, findAward, insertAward, listAwards } from './grants.queries.ts';
import { parseInstalments } from './grants.rules.ts';
import type { AwardForm } from './grants.schemas.ts';

/** What the award form needs: the approved application and what is left of the fund's budget for its year. */
export async function readAwardForm(deps: GrantsDeps, actor: Actor, id: number) {
  const application = await officersApplication(deps, actor, id);
  requireState(application, 'approved', 'Only an approved application can become an award');
  if (application.awardId !== null) throw new ConflictError('The application already has an award');
  const { terms, year } = await termsOf(deps.db, application);
  const awarded = await awardedFrom(deps.db, application.fundId, year);
  return { application, year, remainingPence: (terms.budgetPence ?? 0) - awarded };
}

/**
 * Makes the approved application an award: the amount (no more than the round's largest award nor what is left
 * of the fund's budget for the year), its conditions and a payment schedule adding up exactly to it.
 */
export function makeAward(deps: GrantsDeps, actor: Actor, id: number, form: AwardForm, requestId?: string) {
  return deps.db.transaction().execute(async (trx) => {
    const application = await officersApplication(deps, actor, id, trx);
    requireState(application, 'approved', 'Only an approved application can become an award');
    if (application.awardId !== null) throw new ConflictError('The application already has an award');
    const { terms, year } = await termsOf(trx, application);
    const remaining = (terms.budgetPence ?? 0) - (await awardedFrom(trx, application.fundId, year));
    const errors = parseInstalments(form.instalments, form.amount).errors;
    if (form.amount > remaining)
      errors.unshift({
        field: 'amount',
        message: `The award must be ${formatPence(Math.max(remaining, 0))} or less: what is left of ${terms.fundName}’s budget for ${year.replace('-', '/')}`,
      });
    else if (terms.maxAwardPence !== null && form.amount > terms.maxAwardPence)
      errors.unshift({
        field: 'amount',
        message: `The award must be ${formatPence(terms.maxAwardPence)} or less, the most ${terms.roundName} awards`,
      });
    if (errors.length) throw new ValidationError(errors);
    const { instalments } = parseInstalments(form.instalments, form.amount);
    const award = {
      applicationId: id,
      fundId: application.fundId,
      financialYear: year,
      amountPence: form.amount,
      conditions: form.conditions,
      awardedOn: todayOf(deps),
      awardedBy: actorLabel(actor),
    };
    const awardId = await insertAward(trx, award, instalments);
    await recordChange(
      trx,
      actor,
      { type: 'grant-award', id: awardId },
      undefined,
      { ...award, instalments },
      requestId,
    );
    return awardId;
  });
}

/** Every award, public: recipient organisation, amount, date, fund and purpose. */
export async function listPublicAwards(deps: GrantsDeps) {
  return listAwards(deps.db);
}

export async function readPublicAward(deps: GrantsDeps, id: number) {
  const award = await findAward(deps.db, id);
  if (!award) throw new NotFoundError('There is no such award');
  return award;
}
