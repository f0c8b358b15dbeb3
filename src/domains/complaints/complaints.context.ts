import type { Actor } from '../../kernel/auth/actor.ts';
import type { Policy } from '../../kernel/auth/policy.ts';
import { ForbiddenError, NotFoundError } from '../../kernel/errors.ts';
import { type CaseRow, findCase, listPanels, listTimescales, type Panel } from './complaints.queries.ts';
import { DEFAULT_TIMESCALES, type Timescales } from './complaints.rules.ts';
import type { CaseTarget } from './complaints.schemas.ts';
import type { ComplaintsDb as Db } from './complaints.tables.ts';

/** What the complaints' use-cases are built from. */
export interface ComplaintsDeps {
  db: Db;
  policy: Policy;
  now: () => Date;
}

/** Whether the actor handles the Panel's complaints (any Panel's if none given). */
export function canManage(deps: ComplaintsDeps, actor: Actor, panelId?: number): boolean {
  return deps.policy.can(actor, 'complaints:manage', panelId === undefined ? undefined : { bodyId: panelId });
}

export function requireManage(deps: ComplaintsDeps, actor: Actor, panelId: number): void {
  if (!canManage(deps, actor, panelId)) throw new ForbiddenError();
}

export async function findPanelOrRefuse(db: Db, slug: string): Promise<Panel> {
  const panel = (await listPanels(db)).find((each) => each.slug === slug);
  if (!panel) throw new NotFoundError('There is no such Police and Crime Panel');
  return panel;
}

/** Each Panel's timescales, by id; the defaults for a Panel that has set none. */
export async function timescalesByPanel(db: Db): Promise<(panelId: number) => Timescales> {
  const rows = new Map((await listTimescales(db)).map(({ panelId, ...timescales }) => [panelId, timescales]));
  return (panelId) => rows.get(panelId) ?? DEFAULT_TIMESCALES;
}

/**
 * A case of a Panel the actor handles: refused before the case is looked up, so someone without the
 * permission cannot learn which case numbers exist.
 */
export async function findCaseOrRefuse(
  deps: ComplaintsDeps,
  actor: Actor,
  target: CaseTarget,
  db: Db = deps.db,
): Promise<{ panel: Panel; row: CaseRow }> {
  const panel = await findPanelOrRefuse(db, target.panel);
  requireManage(deps, actor, panel.id);
  const row = await findCase(db, panel.id, target.id);
  if (!row) throw new NotFoundError('There is no such case');
  return { panel, row };
}
