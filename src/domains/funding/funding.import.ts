import { isDeepStrictEqual } from 'node:util';
import { recordChange } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { type FieldError, ValidationError } from '../../kernel/errors.ts';
import { type FundingDeps, requireManage } from './funding.context.ts';
import {
  findBody,
  findFund,
  issuedPriorities,
  listBudgets,
  readFundParts,
  recipientAuthorities,
  recordedYears,
  upsertFund,
  writeFundParts,
} from './funding.queries.ts';
import { checkFundFile } from './funding.rules.ts';
import type { FundFile, FundsFile } from './funding.schemas.ts';
import { type FundSnapshot, snapshotOfFile, snapshotOfRecord } from './funding.snapshot.ts';

type Db = FundingDeps['db'];

function refuse(errors: FieldError[]): void {
  if (errors.length) throw new ValidationError(errors);
}

/** The priorities named must be the plan's (its latest issued version), and the plan must be issued. */
async function checkPriorities(db: Db, fund: FundFile, at: string): Promise<FieldError[]> {
  if (!fund.plan) return [];
  const plan = await issuedPriorities(db, fund.plan);
  if (!plan) return [{ field: `${at}.plan`, message: `${fund.plan} is not an issued police and crime plan` }];
  const known = new Set(plan.priorities.map((priority) => priority.code));
  return fund.priorities.flatMap((code, index) =>
    known.has(code)
      ? []
      : [{ field: `${at}.priorities.${index}`, message: `${code} is not a priority of ${plan.title}` }],
  );
}

/** A supplied figure must be for an authority the formula shares among. */
function checkSuppliedAreas(fund: FundFile, at: string, recipients: Set<string>, area: string): FieldError[] {
  return fund.formulas.flatMap((formula, formulaIndex) =>
    formula.criteria.flatMap((criterion, index) =>
      Object.keys(criterion.values ?? {})
        .filter((code) => !recipients.has(code))
        .map((code) => ({
          field: `${at}.formulas.${formulaIndex}.criteria.${index}.values.${code}`,
          message: `${code} is not a district or unitary authority of ${area}`,
        })),
    ),
  );
}

async function saveFund(trx: Db, actor: Actor, bodyId: number, fund: FundFile, at: string): Promise<number> {
  const after = snapshotOfFile(fund);
  const found = await findFund(trx, fund.slug);
  if (found && found.bodyId !== bodyId)
    refuse([{ field: `${at}.slug`, message: `${fund.slug} is a fund of ${found.bodyName}` }]);
  let before: FundSnapshot | undefined;
  if (found) {
    before = snapshotOfRecord(found, await listBudgets(trx, [found.id]), await readFundParts(trx, found.id));
    if (isDeepStrictEqual(before, after)) return 0;
    const recorded = await recordedYears(trx, found.id);
    const kept = new Set(after.budgets.map((budget) => budget.year));
    refuse(
      [...recorded]
        .filter((year) => !kept.has(year))
        .map((year) => ({
          field: `${at}.budgets`,
          message: `must keep the ${year} budget: an allocation of it is recorded`,
        })),
    );
  }
  const row = {
    name: after.name,
    kind: after.kind,
    summary: after.summary,
    eligibility: after.eligibility,
    planSlug: after.plan,
    illustrativeNote: after.illustrative,
  };
  const id = await upsertFund(trx, found?.id ?? null, { ...row, bodyId, slug: fund.slug });
  await writeFundParts(trx, id, after);
  await recordChange(trx, actor, { type: 'fund', id }, before, after);
  return 1;
}

/**
 * Loads a funds file in one transaction: every problem anywhere saves nothing, each named by its path in the
 * file. Funds are matched by slug and brought up to the file; loading the same file again changes nothing.
 */
export async function importFundsFile(deps: FundingDeps, actor: Actor, file: FundsFile) {
  const body = await findBody(deps.db, file.body);
  if (!body)
    throw new ValidationError([{ field: 'body', message: `${file.body} is not a body Peelian knows` }]);
  requireManage(deps, actor, body.id);
  if (body.forceAreaId === null)
    throw new ValidationError([
      { field: 'body', message: `${body.name} has no force area to share funds in` },
    ]);
  const recipients = new Set(
    (await recipientAuthorities(deps.db, body.forceAreaId)).map((authority) => authority.code),
  );
  const errors: FieldError[] = [];
  const slugs = new Set<string>();
  for (const [index, fund] of file.funds.entries()) {
    const at = `funds.${index}`;
    if (slugs.has(fund.slug)) errors.push({ field: `${at}.slug`, message: `${fund.slug} is given twice` });
    slugs.add(fund.slug);
    errors.push(
      ...checkFundFile(fund, at),
      ...(await checkPriorities(deps.db, fund, at)),
      ...checkSuppliedAreas(fund, at, recipients, body.name),
    );
  }
  refuse(errors);
  return deps.db.transaction().execute(async (trx) => {
    let changes = 0;
    for (const [index, fund] of file.funds.entries())
      changes += await saveFund(trx, actor, body.id, fund, `funds.${index}`);
    return { body: body.slug, funds: file.funds.length, changes };
  });
}
