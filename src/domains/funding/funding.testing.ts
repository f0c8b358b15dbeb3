import type { Services } from '../../composition.ts';
import type { TestDatabase } from '../../kernel/testing/test-database.ts';
import { seedScorecardFixture } from '../judgements/judgements.testing.ts';

export const OFFICE = 'thames-valley-pcc';
export const READING = 'E06000038';
export const OXFORD = 'E07000178';
export const KEY = { fund: 'test-fund', year: '2025-26' };

/** Thames Valley's district and unitary authorities (the demo's areas): those a formula shares among. */
export const RECIPIENTS = [
  'E06000036',
  'E06000037',
  READING,
  'E06000039',
  'E06000040',
  'E06000041',
  'E06000042',
  'E06000060',
  'E07000177',
  OXFORD,
  'E07000179',
  'E07000180',
  'E07000181',
];

/** A need figure of 1 for Reading and Oxford and 0 for every other authority. */
const NEED = RECIPIENTS.map(
  (code) => `              ${code}: ${code === READING || code === OXFORD ? 1 : 0}`,
).join('\n');

/**
 * A funds file with one fund whose 2025-26 pot of 1,000p, less 10% retained, is shared half by police.uk crimes
 * over 2025 and half by a supplied need figure. With the test months (crimes: Reading 6, Oxford 2, none
 * elsewhere) Reading's exact share is 50% × 6/8 + 50% × 1/2 = 62.5%, 562.5p, and Oxford's 37.5%, 337.5p: the
 * remainders tie, so the odd penny goes to the lower code, Reading's: 563p and 337p.
 */
export function fundsFile(fundLines = '', formulaLines = ''): string {
  return `format: peelian-funds/1
body: ${OFFICE}
funds:
  - slug: test-fund
    name: Test Community Safety Fund
    kind: community-safety
    summary: A fund for the tests.
    eligibility: Community safety partnerships of Thames Valley.
    plan: thames-valley-2024-2029
    priorities: [PC1, PC4]
    budgets:
      - year: 2025-26
        amountPence: 1000
    rounds:
      - name: First round
        opensOn: 2025-04-01
        closesOn: 2025-05-30
    assessment:
      - name: Serves the plan
        weight: 60
      - name: Value for money
        weight: 40
${fundLines}    formulas:
      - year: 2025-26
        retainedPercent: 10
        crimes: { from: 2025-01, to: 2025-12 }
${formulaLines}        criteria:
          - code: crimes
            label: Recorded crimes
            source: police-uk-crimes
            sourceNote: police.uk test files
            weight: 50
          - code: need
            label: Need
            source: supplied
            sourceNote: Test figures
            weight: 50
            values:
${NEED}
`;
}

/** Thames Valley with the 2024–2029 plan issued and the test police.uk months: what a fund is loaded against. */
export function seedFundingFixture(database: TestDatabase): Promise<Services> {
  return seedScorecardFixture(database);
}

/** Every row of funding's tables, to show that something changed nothing. */
export async function fundingRows(database: TestDatabase) {
  const db = database.db;
  const [funds, budgets, formulas, allocations, lines, audit] = await Promise.all([
    db.selectFrom('fund').selectAll().execute(),
    db.selectFrom('fundBudget').selectAll().execute(),
    db.selectFrom('fundFormulaCriterion').selectAll().execute(),
    db.selectFrom('fundAllocation').selectAll().execute(),
    db.selectFrom('fundAllocationLine').selectAll().execute(),
    db.selectFrom('auditEvent').select('id').execute(),
  ]);
  return { funds, budgets, formulas, allocations, lines, audit: audit.length };
}
