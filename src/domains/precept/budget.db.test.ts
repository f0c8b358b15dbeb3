import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.ts';
import { ANONYMOUS, systemActor } from '../../kernel/auth/actor.ts';
import { ForbiddenError, ValidationError } from '../../kernel/errors.ts';
import { expectMatchesOpenApi } from '../../kernel/testing/openapi.ts';
import { buildTestApp, TEST_URLS } from '../../kernel/testing/test-app.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestBody } from '../accounts/accounts.testing.ts';
import { loadBudgetFile, readBudgetFile } from './budget.files.ts';
import { budgetPaths as paths } from './budget.paths.ts';

const actor = systemActor('test');
const OFFICE = 'budget-test-office';
const YEAR = { body: OFFICE, year: '2026-27' };

/**
 * A small budget that adds up: Band D £200.00 on tax bases of 1,000.50 and 2,000.25 gives £200,100.00 and
 * £400,050.00, so a precept of £600,150.00; with the grants that is the £1,650,000.00 the revenue lines net to.
 */
const FILE = `format: peelian-budget/1
body: ${OFFICE}
year: 2026-27
illustrative: Made up for the test.
bandDPence: 20000
revenue:
  - { heading: Pay, amountPence: 150000000 }
  - { heading: Supplies, amountPence: 20000000 }
  - { heading: Income, amountPence: -5000000 }
capital:
  - { heading: Vehicles, amountPence: 3000000 }
funding:
  policeGrantPence: 100000000
  preceptPence: 60015000
  otherGrantsPence: 4985000
  reservesPence: 0
taxBase:
  - { authority: North District, bandD: '1000.50' }
  - { authority: South District, bandD: 2000.25 }
mtfp:
  - { year: 2027-28, spendingPence: 170000000, fundingPence: 166000000, savingsPence: 3000000 }
monitoring:
  - { quarter: 1, heading: Pay, budgetPence: 37500000, forecastPence: 38000000, commentary: Overtime }
  - { quarter: 1, heading: Supplies, budgetPence: 5000000, forecastPence: 4800000 }
`;

/** The problems a load was refused with, each "file line N, path: message". */
async function refusal(load: Promise<unknown>): Promise<string[]> {
  const error = await load.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors.map((problem) => `${problem.field}: ${problem.message}`);
}

describe.each(testEngines())('budgets: the import and the public pages, on %s', (engine) => {
  const database = useTestDatabase(engine);
  let services: Services;
  let app: FastifyInstance;
  const load = (text: string) => loadBudgetFile(services.budget, actor, text, 'budget.yaml');
  const budgetRows = async () =>
    database.current.db.selectFrom('budgetYear').select(['id', 'preceptPence']).execute();
  const audits = async () =>
    (
      await database.current.db
        .selectFrom('auditEvent')
        .select('id')
        .where('recordType', '=', 'budget-year')
        .execute()
    ).length;

  beforeAll(async () => {
    await createTestBody(database.current.db, OFFICE);
    services = buildServices(database.current, TEST_URLS);
    app = await buildTestApp(database.current);
  });
  afterAll(() => app.close());

  it('refuses a malformed file naming each line and field, and saves nothing', async () => {
    const problems = await refusal(
      load(FILE.replace('year: 2026-27', 'year: 2026').replace("bandD: '1000.50'", "bandD: '1000.505'")),
    );
    expect(problems).toContain('budget.yaml line 3, year: must be a financial year like 2017-18');
    expect(problems).toContain(
      'budget.yaml line 18, taxBase.0.bandD: must be Band D equivalents with at most two decimals',
    );
    expect(await budgetRows()).toEqual([]);
    await expect(
      services.budget.importBudgetFile(ANONYMOUS, readBudgetFile(FILE, 'budget.yaml').data),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('refuses figures that do not add up, naming them, and saves nothing', async () => {
    const problems = await refusal(
      load(
        FILE.replace('otherGrantsPence: 4985000', 'otherGrantsPence: 3000000')
          .replace('preceptPence: 60015000', 'preceptPence: 61000000')
          .replace('year: 2027-28', 'year: 2025-26'),
      ),
    );
    expect(problems).toEqual([
      'budget.yaml line 13, funding: must add up to the net revenue budget: police grant £1,000,000.00 + precept £610,000.00 + other grants £30,000.00 + reserves £0.00 = £1,640,000.00, but the revenue lines add up to £1,650,000.00',
      'budget.yaml line 14, funding.preceptPence: must be the tax base times the Band D precept: 3,000.75 × £200.00 = £600,150.00 (within £2.00), not £610,000.00',
      'budget.yaml line 21, mtfp.0.year: 2025-26 must come after the budget’s year, 2026-27',
    ]);
    expect(await budgetRows()).toEqual([]);
  });

  it('loads the file once, audited; the same file again changes nothing; a changed figure is one more change', async () => {
    expect(await load(FILE)).toEqual({ body: OFFICE, year: '2026-27', changed: true });
    const loaded = await budgetRows();
    expect(await load(FILE)).toEqual({ body: OFFICE, year: '2026-27', changed: false });
    expect(await budgetRows()).toEqual(loaded);
    expect(await audits()).toBe(1);
    // Within £1 an authority the precept may differ from the product, as a council rounding to the pound does.
    const rounded = FILE.replace('preceptPence: 60015000', 'preceptPence: 60015100').replace(
      'otherGrantsPence: 4985000',
      'otherGrantsPence: 4984900',
    );
    expect(await load(rounded)).toMatchObject({ changed: true });
    expect(await budgetRows()).toEqual([{ id: loaded[0]?.id, preceptPence: 60_015_100 }]);
    expect(await audits()).toBe(2);
  });

  it('shows the year’s tables, its monitoring with variances flagged, CSV and JSON matching the OpenAPI document', async () => {
    const page = await app.inject({ method: 'GET', url: paths.year(YEAR) });
    expect(page.statusCode).toBe(200);
    for (const text of [
      'Illustrative figures: Made up for the test.',
      '£1,650,000.00',
      '−£50,000.00',
      '3,000.75',
      '£400,050.00',
      '£5,000.00 over',
      'Overspend',
      '£2,000.00 under',
      'Underspend',
      'Gap left',
    ])
      expect(page.body).toContain(text);
    const index = await app.inject({ method: 'GET', url: paths.index() });
    expect(index.body).toContain(`href="${paths.year(YEAR)}"`);
    const money = await app.inject({ method: 'GET', url: '/money' });
    expect(money.body).toContain(`href="${paths.index()}"`);

    const csv = await app.inject({ method: 'GET', url: paths.yearCsv(YEAR) });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.trim().split('\r\n')).toEqual([
      'section,quarter,heading,budget_pence,forecast_pence,variance_pence',
      'revenue,,Pay,150000000,,',
      'revenue,,Supplies,20000000,,',
      'revenue,,Income,-5000000,,',
      'capital,,Vehicles,3000000,,',
      'monitoring,1,Pay,37500000,38000000,500000',
      'monitoring,1,Supplies,5000000,4800000,-200000',
    ]);

    const document = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const api = await app.inject({ method: 'GET', url: paths.apiYear(YEAR) });
    expectMatchesOpenApi(document, 'get', '/api/v1/budgets/{body}/{year}', 200, api.json());
    expect(api.json()).toMatchObject({
      netRevenuePence: 165_000_000,
      taxBase: [
        { authority: 'North District', bandD: '1000.50', precept: 20_010_000 },
        { authority: 'South District', bandD: '2000.25', precept: 40_005_000 },
      ],
      mtfp: [{ year: '2027-28', gapPence: 4_000_000, remainingGapPence: 1_000_000 }],
    });
    const list = await app.inject({ method: 'GET', url: paths.apiBody({ body: OFFICE }) });
    expectMatchesOpenApi(document, 'get', '/api/v1/budgets/{body}', 200, list.json());
    const missing = await app.inject({
      method: 'GET',
      url: paths.apiYear({ body: OFFICE, year: '2019-20' }),
    });
    expectMatchesOpenApi(document, 'get', '/api/v1/budgets/{body}/{year}', 404, missing.json());
    const malformed = await app.inject({ method: 'GET', url: '/api/v1/budgets/x/2019' });
    expect(malformed.statusCode).toBe(400);
  });
});
