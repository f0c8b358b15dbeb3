import { isDeepStrictEqual } from 'node:util';
import { recordChange } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { bodyOrRefuse, requireManage, type TransparencyDeps } from './transparency.context.ts';
import type { ContractLine, SpendingLine } from './transparency.csv.ts';
import {
  deleteContract,
  findSpendingMonth,
  listContracts,
  listMonthLines,
  listSpendingMonths,
  listTransactions,
  replaceSpendingMonth,
  type SpendingFilter,
  spendingChoices,
  upsertContract,
} from './transparency.queries.ts';

/**
 * Loads one month of spending, replacing what that month held: the same lines again change nothing (and leave
 * no audit); different lines replace the month in one transaction, audited with the lines before and after.
 */
export async function importSpendingMonth(
  deps: TransparencyDeps,
  actor: Actor,
  input: { body: string; month: string; fileName: string; lines: readonly SpendingLine[] },
) {
  const body = await bodyOrRefuse(deps, input.body);
  requireManage(deps, actor, body.id);
  const month = `${input.month}-01`;
  return deps.db.transaction().execute(async (trx) => {
    const found = await findSpendingMonth(trx, body.id, month);
    const before = found ? await listMonthLines(trx, found.id) : undefined;
    const after = input.lines.map((line) => ({ ...line }));
    if (before && isDeepStrictEqual(before, after))
      return { body: body.slug, month: input.month, lines: after.length, changed: false };
    const id = await replaceSpendingMonth(trx, body.id, month, input.fileName, input.lines);
    await recordChange(
      trx,
      actor,
      { type: 'spending-month', id: `${body.slug}/${input.month}` },
      before && { file: found?.fileName, lines: before },
      { file: input.fileName, lines: after, monthId: id },
    );
    return { body: body.slug, month: input.month, lines: after.length, changed: true };
  });
}

/** Loads the body's contracts register: contracts matched by reference, each change audited; all or nothing. */
export async function importContracts(
  deps: TransparencyDeps,
  actor: Actor,
  input: { body: string; lines: readonly ContractLine[] },
) {
  const body = await bodyOrRefuse(deps, input.body);
  requireManage(deps, actor, body.id);
  return deps.db.transaction().execute(async (trx) => {
    const existing = new Map((await listContracts(trx, body.id)).map((row) => [row.reference, row]));
    let changes = 0;
    for (const line of input.lines) {
      const found = existing.get(line.reference);
      existing.delete(line.reference);
      const { line: _line, ...after } = line;
      const before = found && {
        reference: found.reference,
        title: found.title,
        supplier: found.supplier,
        valuePence: found.valuePence,
        startsOn: found.startsOn,
        endsOn: found.endsOn,
        procurementRoute: found.procurementRoute,
      };
      if (isDeepStrictEqual(before, after)) continue;
      const id = await upsertContract(trx, body.id, found?.id ?? null, line);
      await recordChange(trx, actor, { type: 'spending-contract', id }, before, after);
      changes += 1;
    }
    // The file is the whole register: a contract it no longer lists leaves it, with its record in the audit.
    for (const gone of existing.values()) {
      await deleteContract(trx, gone.id);
      await recordChange(trx, actor, { type: 'spending-contract', id: gone.id }, gone, undefined);
      changes += 1;
    }
    return { body: body.slug, contracts: input.lines.length, changes };
  });
}

/** A body's spending, filtered, with the months loaded and the filters' choices. */
export async function readSpending(deps: TransparencyDeps, slug: string, filter: SpendingFilter) {
  const body = await bodyOrRefuse(deps, slug);
  const [months, transactions, choices] = await Promise.all([
    listSpendingMonths(deps.db, body.id),
    listTransactions(deps.db, body.id, filter),
    spendingChoices(deps.db, body.id),
  ]);
  return { body, filter, months, transactions, choices };
}
export type SpendingRead = Awaited<ReturnType<typeof readSpending>>;

export async function readContracts(deps: TransparencyDeps, slug: string) {
  const body = await bodyOrRefuse(deps, slug);
  return { body, contracts: await listContracts(deps.db, body.id) };
}
export type ContractsRead = Awaited<ReturnType<typeof readContracts>>;
