import type { Actor } from '../../kernel/auth/actor.ts';
import type { Policy } from '../../kernel/auth/policy.ts';
import { type IsoDate, londonDateOf } from '../../kernel/calendar/index.ts';
import { type FieldError, ForbiddenError, NotFoundError, ValidationError } from '../../kernel/errors.ts';
import type { DeliveryService } from '../delivery/index.ts';
import type { RecommendationsLedgerService } from '../recommendations/index.ts';
import { findInspection, type InspectionRow } from './inspections.queries.ts';
import type { InspectionsDb as Db } from './inspections.tables.ts';

/**
 * What the register's use-cases are built from: the ledger keeps the recommendations and causes of concern, and
 * delivery the actions that answer findings.
 */
export interface InspectionsDeps {
  db: Db;
  policy: Policy;
  now: () => Date;
  ledger: RecommendationsLedgerService;
  delivery: Pick<DeliveryService, 'linkableActions' | 'linkedActions'>;
}

export function todayOf(deps: InspectionsDeps): IsoDate {
  return londonDateOf(deps.now());
}

export function canManage(deps: InspectionsDeps, actor: Actor, bodyId?: number): boolean {
  return deps.policy.can(actor, 'inspections:manage', bodyId === undefined ? undefined : { bodyId });
}

export function requireManage(deps: InspectionsDeps, actor: Actor, bodyId: number): void {
  if (!canManage(deps, actor, bodyId)) throw new ForbiddenError();
}

/** Whether the reader may see the report: published, or the office's own. */
export function mayRead(deps: InspectionsDeps, actor: Actor, row: InspectionRow): boolean {
  if (row.status === 'published') return true;
  return deps.policy.can(actor, 'inspections:read-unpublished', { bodyId: row.bodyId });
}

export async function findOrRefuse(db: Db, body: string, code: string): Promise<InspectionRow> {
  const row = await findInspection(db, body, code);
  if (!row) throw new NotFoundError('There is no such report');
  return row;
}

export function refuse(errors: FieldError[]): void {
  if (errors.length) throw new ValidationError(errors);
}

/**
 * The ids of the delivery actions these addresses name, among the actions of the office's own delivery plans
 * the actor may see; an address naming none is refused at its field. A null address links nothing.
 */
export async function resolveActions(
  deps: InspectionsDeps,
  actor: Actor,
  bodyId: number,
  wanted: { field: string; address: string | null }[],
): Promise<(number | null)[]> {
  if (wanted.every((each) => each.address === null)) return wanted.map(() => null);
  const actions = await deps.delivery.linkableActions(actor, bodyId);
  const byAddress = new Map(actions.map((action) => [action.address, action.id]));
  refuse(
    wanted.flatMap(({ field, address }) =>
      address === null || byAddress.has(address)
        ? []
        : [{ field, message: `There is no action ${address} in this office’s delivery plans` }],
    ),
  );
  return wanted.map(({ address }) => (address === null ? null : (byAddress.get(address) ?? null)));
}
