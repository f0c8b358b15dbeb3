import type { Actor } from '../../kernel/auth/actor.ts';
import type { DeliveryDeps } from './delivery.context.ts';
import { deliveryPaths as paths } from './delivery.paths.ts';
import { keyOf, listPlansFor } from './delivery.read.ts';
import type { ActionStatus } from './delivery.tables.ts';

/**
 * An action's address, the same words as its page's path after `/delivery/`: the police and crime plan's
 * slug, the plan version, whose plan it is and the action's reference ("thames-valley-2024-2029/1/force/TVP-3").
 * Other domains and their files name an action by it.
 */
export const ACTION_ADDRESS =
  /^[a-z0-9][a-z0-9-]*\/[1-9][0-9]{0,3}\/(opcc|force)\/[A-Za-z0-9][A-Za-z0-9.-]{0,39}$/;

/** An action as another domain links to it: by id in its tables, by address in its forms and files. */
export interface LinkedAction {
  id: number;
  bodyId: number;
  address: string;
  reference: string;
  title: string;
  status: ActionStatus | null;
  planTitle: string;
  url: string;
  apiUrl: string;
}

/** The actions of the delivery plans the reader may see (published ones, and the office's own drafts). */
async function visibleActions(deps: DeliveryDeps, actor: Actor): Promise<LinkedAction[]> {
  return (await listPlansFor(deps, actor)).flatMap(({ plan, actions }) =>
    actions.map((action) => {
      const target = { ...keyOf(plan), ref: action.reference };
      return {
        id: action.id,
        bodyId: plan.bodyId,
        address: `${target.plan}/${target.version}/${target.owner}/${target.ref}`,
        reference: action.reference,
        title: action.title,
        status: action.status,
        planTitle: plan.title,
        url: paths.action(target),
        apiUrl: paths.apiAction(target),
      };
    }),
  );
}

/** The actions a policing body's finding or record may be linked to: those of the body's own delivery plans. */
export async function linkableActions(deps: DeliveryDeps, actor: Actor, bodyId: number) {
  return (await visibleActions(deps, actor)).filter((action) => action.bodyId === bodyId);
}

/** The linked actions the reader may see, by id; an action in a plan still in draft is left out for others. */
export async function linkedActions(deps: DeliveryDeps, actor: Actor, ids: readonly number[]) {
  const wanted = new Set(ids);
  if (!wanted.size) return new Map<number, LinkedAction>();
  const actions = (await visibleActions(deps, actor)).filter((action) => wanted.has(action.id));
  return new Map(actions.map((action) => [action.id, action]));
}
