import { recordChange } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { londonDateOf } from '../../kernel/calendar/index.ts';
import { ConflictError, ValidationError } from '../../kernel/errors.ts';
import {
  type ComplaintsDeps,
  findCaseOrRefuse,
  findPanelOrRefuse,
  requireManage,
  timescalesByPanel,
} from './complaints.context.ts';
import {
  type CaseRow,
  insertCase,
  listCases,
  listPanels,
  saveTimescales,
  updateCase,
} from './complaints.queries.ts';
import { type CaseFacts, caseProblems, retainedUntil, type Timescales } from './complaints.rules.ts';
import type { CaseForm, CaseTarget } from './complaints.schemas.ts';

/**
 * The complainant's personal data and the free text that may carry it. The audit trail is kept for good, so
 * it records that these changed, never what they say; the purge blanks them in the case itself.
 */
const PERSONAL_FIELDS = [
  'complainantName',
  'complainantContact',
  'summary',
  'notRecordedNote',
  'outcomeNote',
] as const;
type PersonalField = (typeof PERSONAL_FIELDS)[number];

const AUDIT = (id: number) => ({ type: 'complaint', id });

/** What the audit trail keeps of a case's values: everything but the personal fields. */
function auditedOf(values: CaseForm | CaseRow) {
  const kept: Record<string, unknown> = { ...values };
  for (const field of PERSONAL_FIELDS) delete kept[field];
  for (const field of ['id', 'panelId', 'createdAt', 'purgedOn']) delete kept[field];
  return kept;
}

/** The personal fields that differ, by name only. */
function personalChanges(before: Partial<Record<PersonalField, string | null>>, after: CaseForm) {
  return PERSONAL_FIELDS.filter((field) => (before[field] ?? null) !== (after[field] ?? null));
}

function checked(form: CaseForm): CaseForm {
  const problems = caseProblems(form as CaseFacts);
  if (problems.length) throw new ValidationError(problems);
  return form;
}

/** Records a complaint or conduct matter the Panel received; all or nothing. */
export function createCase(
  deps: ComplaintsDeps,
  actor: Actor,
  panelSlug: string,
  form: CaseForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const panel = await findPanelOrRefuse(trx, panelSlug);
    requireManage(deps, actor, panel.id);
    const values = checked(form);
    const id = await insertCase(trx, { panelId: panel.id, ...values });
    await recordChange(
      trx,
      actor,
      AUDIT(id),
      undefined,
      { panel: panel.slug, ...auditedOf(values), personalDataChanged: personalChanges({}, values) },
      requestId,
    );
    return { panel: panel.slug, id };
  });
}

/**
 * Saves the case as the form has it now (a decision taken, a date added, a detail corrected); all or nothing.
 * A case whose personal data was purged is closed for good, so the erased data cannot be typed back in.
 */
export function saveCase(
  deps: ComplaintsDeps,
  actor: Actor,
  target: CaseTarget,
  form: CaseForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const { row } = await findCaseOrRefuse(deps, actor, target, trx);
    const values = checked(form);
    if (row.purgedOn !== null)
      throw new ConflictError(
        `The complainant’s personal data in this case was erased on ${row.purgedOn} after its retention period, so the case is closed for good`,
      );
    await updateCase(trx, row.id, values);
    const changed = personalChanges(row, values);
    const before = auditedOf(row);
    const after = auditedOf(values);
    await recordChange(
      trx,
      actor,
      AUDIT(row.id),
      before,
      changed.length ? { ...after, personalDataChanged: changed } : after,
      requestId,
    );
    return target;
  });
}

/** Sets a Panel's own timescales (they replace the defaults for every case of the Panel). */
export function setTimescales(deps: ComplaintsDeps, actor: Actor, panelSlug: string, timescales: Timescales) {
  return deps.db.transaction().execute(async (trx) => {
    const panel = await findPanelOrRefuse(trx, panelSlug);
    requireManage(deps, actor, panel.id);
    const before = (await timescalesByPanel(trx))(panel.id);
    await saveTimescales(trx, panel.id, timescales);
    await recordChange(trx, actor, { type: 'complaint_timescale', id: panel.id }, before, timescales);
    return { panel: panel.slug, ...timescales };
  });
}

/**
 * Erases the complainants' personal data from every closed case past its Panel's retention period: the
 * personal fields become null, the rest of the case (and so every count) stays. Each Panel's purge leaves one
 * audit record naming the cases and how many, never what was erased. With `dryRun`, says what it would do and
 * changes nothing. Running it again finds nothing more to do.
 */
export async function purgeExpired(deps: ComplaintsDeps, actor: Actor, dryRun = false) {
  const today = londonDateOf(deps.now());
  return deps.db.transaction().execute(async (trx) => {
    const [panels, cases, timescalesOf] = await Promise.all([
      listPanels(trx),
      listCases(trx),
      timescalesByPanel(trx),
    ]);
    const purged: { panel: string; cases: number[] }[] = [];
    for (const panel of panels) {
      const due = cases.filter((each) => {
        if (each.panelId !== panel.id || each.purgedOn !== null) return false;
        const until = retainedUntil(each as CaseFacts, timescalesOf(panel.id));
        return until !== null && until < today;
      });
      if (!due.length) continue;
      requireManage(deps, actor, panel.id);
      const ids = due.map((each) => each.id);
      purged.push({ panel: panel.slug, cases: ids });
      if (dryRun) continue;
      for (const id of ids)
        await updateCase(trx, id, {
          ...Object.fromEntries(PERSONAL_FIELDS.map((field) => [field, null])),
          purgedOn: today,
        });
      await recordChange(trx, actor, { type: 'complaint_purge', id: panel.id }, undefined, {
        panel: panel.slug,
        purgedOn: today,
        retentionYears: timescalesOf(panel.id).retentionYears,
        cases: ids,
        count: ids.length,
        fields: PERSONAL_FIELDS,
      });
    }
    return { dryRun, purged };
  });
}
