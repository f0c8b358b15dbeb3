import type { Db } from '../../schema.ts';
import { createTestBody } from '../accounts/accounts.testing.ts';

export const OFFICE = 'grants-office';
export const CHARITY = 'grants-charity';
export const OTHER = 'grants-other-charity';

/**
 * An office with a fund that takes charities: its 2020-21 budget of £5,000, a round open until 2099 awarding up
 * to £3,000 and a round closed in 2020, and two criteria weighted 60 and 40; and two partner organisations.
 */
export async function seedGrantsFixture(db: Db) {
  const office = await createTestBody(db, OFFICE);
  await createTestBody(db, CHARITY, 'partner-organisation');
  await createTestBody(db, OTHER, 'partner-organisation');
  const fund = await db
    .insertInto('fund')
    .values({
      bodyId: office,
      slug: 'grants-test-fund',
      name: 'Test Crime Prevention Fund',
      kind: 'crime-prevention',
      summary: 'For the tests.',
      eligibility: 'Charities.',
      applicantTypes: ['charity'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('fundBudget')
    .values({ fundId: fund.id, financialYear: '2020-21', amountPence: 500_000 })
    .execute();
  await db
    .insertInto('fundRound')
    .values([
      {
        fundId: fund.id,
        name: 'Open round',
        opensOn: '2020-04-01',
        closesOn: '2099-12-31',
        position: 1,
        maxAwardPence: 300_000,
      },
      { fundId: fund.id, name: 'Closed round', opensOn: '2020-04-01', closesOn: '2020-05-01', position: 2 },
    ])
    .execute();
  await db
    .insertInto('fundAssessmentCriterion')
    .values([
      { fundId: fund.id, name: 'Serves the plan', weight: 60, position: 1 },
      { fundId: fund.id, name: 'Value for money', weight: 40, position: 2 },
    ])
    .execute();
}
