import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../composition.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { ValidationError } from '../../kernel/errors.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { loadFundsFile } from './funding.files.ts';
import { fundingRows, fundsFile, KEY, OXFORD, READING, seedFundingFixture } from './funding.testing.ts';

const actor = systemActor('test');

/** The problems a load was refused with, each "file line N, path: message". */
async function refusal(load: Promise<unknown>): Promise<string[]> {
  const error = await load.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors.map((problem) => `${problem.field}: ${problem.message}`);
}

describe.each(testEngines())('funds and their formula allocations, on %s', (engine) => {
  const database = useTestDatabase(engine);
  let services: Services;
  const load = (text: string) => loadFundsFile(services.funding, actor, text, 'funds.yaml');

  beforeAll(async () => {
    services = await seedFundingFixture(database.current);
  });

  it('refuses rounds out of order and weights not adding up to 100, naming the line, and saves nothing', async () => {
    const broken = fundsFile()
      .replace('closesOn: 2025-05-30', 'closesOn: 2025-03-30')
      .replace('weight: 40\n', 'weight: 30\n')
      .replace('weight: 50\n          - code: need', 'weight: 45\n          - code: need');
    const problems = await refusal(load(broken));
    expect(problems).toContain(
      'funds.yaml line 17, funds.0.rounds.0.closesOn: The round must close after it opens, on 1 April 2025',
    );
    expect(problems).toContain(
      'funds.yaml line 19, funds.0.assessment: The weights of the assessment criteria must add up to 100; they add up to 90',
    );
    expect(problems).toContain(
      'funds.yaml line 28, funds.0.formulas.0.criteria: The weights of the formula’s criteria must add up to 100; they add up to 95',
    );
    const unknown = await refusal(load(fundsFile().replace('[PC1, PC4]', '[PC1, XX9]')));
    expect(unknown).toEqual([
      'funds.yaml line 10, funds.0.priorities.1: XX9 is not a priority of Protecting Thames Valley – Police & Crime Plan 2024-2029',
    ]);
    expect((await fundingRows(database.current)).funds).toEqual([]);
  });

  it('loads a fund, and loading the same file again changes nothing', async () => {
    expect(await load(fundsFile())).toEqual({ body: 'thames-valley-pcc', funds: 1, changes: 1 });
    const before = await fundingRows(database.current);
    expect(await load(fundsFile())).toEqual({ body: 'thames-valley-pcc', funds: 1, changes: 0 });
    expect(await fundingRows(database.current)).toEqual(before);
    const read = await services.funding.readFund('test-fund');
    expect(read.priorities.map((priority) => priority.code)).toEqual(['PC1', 'PC4']);
    expect(read.budgets.map((budget) => budget.amountPence)).toEqual([1000]);
  });

  it('works the allocation from the crimes held and the figures supplied, to the penny', async () => {
    const { worked, inputs, recorded } = await services.funding.readAllocation(actor, KEY);
    expect(recorded).toBeNull();
    expect(worked).toMatchObject({ potPence: 1000, retainedPence: 100, allocatedPence: 900, problems: [] });
    const amounts = Object.fromEntries(worked.lines.map((line) => [line.code, line.amountPence]));
    expect(amounts[READING]).toBe(563);
    expect(amounts[OXFORD]).toBe(337);
    expect(worked.lines.reduce((sum, line) => sum + line.amountPence, 0)).toBe(900);
    expect(worked.lines.find((line) => line.code === READING)?.values).toEqual({ crimes: '6', need: '1' });
    expect(inputs.crimes?.monthsMissing).toEqual([
      '2025-03',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
    ]);
  });

  it('refuses to record an allocation that does not add up, saving nothing', async () => {
    const { worked } = await services.funding.readAllocation(actor, KEY);
    const amounts = Object.fromEntries(worked.lines.map((line) => [line.code, String(line.amountPence)]));
    const before = await fundingRows(database.current);
    const short = await refusal(
      services.funding.recordAllocation(actor, KEY, { ...amounts, [READING]: '562' }),
    );
    expect(short).toEqual([
      'amount-E06000036: The amounts add up to 899 pence; they must add up to 900 pence, the pot less the retained share',
    ]);
    const moved = await refusal(
      services.funding.recordAllocation(actor, KEY, { ...amounts, [READING]: '562', [OXFORD]: '338' }),
    );
    expect(moved[0]).toContain('The amounts differ from what the formula gives now');
    expect(await fundingRows(database.current)).toEqual(before);
    await services.funding.recordAllocation(actor, KEY, amounts);
    const after = await fundingRows(database.current);
    expect(after.allocations).toHaveLength(1);
    expect(after.lines.reduce((sum, line) => sum + Number(line.amountPence), 0)).toBe(900);
    expect(after.audit).toBe(before.audit + 1);
  });
});
