import { recordChange } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { IsoDate } from '../../kernel/calendar/index.ts';
import { ValidationError } from '../../kernel/errors.ts';
import { dutyStatus, type Evidence, laterEvidence } from './transparency.cadence.ts';
import {
  bodyOrRefuse,
  canManage,
  requireManage,
  type TransparencyDeps,
  todayOf,
} from './transparency.context.ts';
import { DUTIES, findDuty } from './transparency.duties.ts';
import { COMPUTED_DUTIES, computedEvidence } from './transparency.evidence.ts';
import {
  type BodyRow,
  type DutyRecordRow,
  insertDutyRecord,
  listDutyRecords,
  listPolicingBodies,
} from './transparency.queries.ts';

function recordEvidence(record: DutyRecordRow): Evidence {
  return {
    metOn: record.metOn,
    period: record.period,
    href: record.evidenceUrl,
    label: record.note ?? record.evidenceUrl ?? '',
  };
}

/** Every duty for one body: its latest evidence (an officer's record or Peelian's own), and whether it is met. */
async function registerOf(deps: TransparencyDeps, body: BodyRow, today: IsoDate) {
  const [records, computed] = await Promise.all([
    listDutyRecords(deps.db, body.id),
    computedEvidence(deps, body, today),
  ]);
  return DUTIES.map((duty) => {
    const own = records.filter((record) => record.dutyCode === duty.code);
    const evidence = laterEvidence(computed.get(duty.code) ?? null, own[0] ? recordEvidence(own[0]) : null);
    return {
      duty,
      evidence,
      status: dutyStatus(duty.cadence, evidence, today),
      records: own,
      computed: COMPUTED_DUTIES.has(duty.code),
    };
  });
}
export type DutyLine = Awaited<ReturnType<typeof registerOf>>[number];

/** One body's publication duties as the public sees them (officers also see their records' link checks). */
export async function readRegister(deps: TransparencyDeps, actor: Actor, slug: string) {
  const body = await bodyOrRefuse(deps, slug);
  const today = todayOf(deps);
  return {
    body,
    today,
    duties: await registerOf(deps, body, today),
    canManage: canManage(deps, actor, body.id),
  };
}
export type RegisterRead = Awaited<ReturnType<typeof readRegister>>;

/** The policing bodies, each with how many duties are met, for the index. */
export async function listBodies(deps: TransparencyDeps) {
  const today = todayOf(deps);
  const bodies = await listPolicingBodies(deps.db);
  return Promise.all(
    bodies.map(async (body) => {
      const duties = await registerOf(deps, body, today);
      return { body, met: duties.filter((line) => line.status.state === 'met').length, total: duties.length };
    }),
  );
}

/** For an officer: every duty not met, across the bodies whose records they keep. */
export async function listOverdue(deps: TransparencyDeps, actor: Actor) {
  const today = todayOf(deps);
  const bodies = (await listPolicingBodies(deps.db)).filter((body) => canManage(deps, actor, body.id));
  const lines = await Promise.all(
    bodies.map(async (body) =>
      (await registerOf(deps, body, today))
        .filter((line) => line.status.state !== 'met')
        .map((line) => ({ body, ...line })),
    ),
  );
  return { today, lines: lines.flat() };
}

export interface DutyRecordInput {
  duty: string;
  metOn: IsoDate;
  period: string | null;
  evidenceUrl: string | null;
  note: string | null;
}

/** The period a duty's cadence needs: a month for a monthly duty, a financial year for a yearly budget. */
function checkPeriod(input: DutyRecordInput) {
  const duty = findDuty(input.duty);
  if (!duty) return { field: 'duty', message: `${input.duty} is not a duty in the register` };
  if (duty.cadence.kind === 'monthly' && !/^\d{4}-(0[1-9]|1[0-2])$/.test(input.period ?? ''))
    return { field: 'period', message: 'Enter the month the publication covers, like 2026-10' };
  if (duty.cadence.kind === 'before-financial-year') {
    const match = /^(\d{4})-(\d{2})$/.exec(input.period ?? '');
    if (!match || (Number(match[1]) + 1) % 100 !== Number(match[2]))
      return { field: 'period', message: 'Enter the financial year the publication covers, like 2026-27' };
  }
  if (!input.evidenceUrl && !input.note)
    return { field: 'evidenceUrl', message: 'Give the address where it is published, or a note' };
  return null;
}

/** An officer records that a duty was met, with its evidence; the record is audited and only ever added. */
export async function recordDutyMet(
  deps: TransparencyDeps,
  actor: Actor,
  slug: string,
  input: DutyRecordInput,
  requestId?: string,
) {
  const body = await bodyOrRefuse(deps, slug);
  requireManage(deps, actor, body.id);
  const problem = checkPeriod(input);
  if (problem) throw new ValidationError([problem]);
  if (input.metOn > todayOf(deps))
    throw new ValidationError([
      { field: 'metOn', message: 'The date it was published must not be in the future' },
    ]);
  return deps.db.transaction().execute(async (trx) => {
    const row = { bodyId: body.id, dutyCode: input.duty, ...input };
    const { duty: _duty, ...values } = row;
    const id = await insertDutyRecord(trx, values);
    await recordChange(trx, actor, { type: 'transparency-duty-record', id }, undefined, values, requestId);
    return { body: body.slug, id };
  });
}
