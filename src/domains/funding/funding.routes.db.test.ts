import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../composition.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { expectPage, expectRefused } from '../../kernel/testing/expect-page.ts';
import { buildTestApp } from '../../kernel/testing/test-app.ts';
import type { TestClient } from '../../kernel/testing/test-client.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { signInAs } from '../accounts/accounts.testing.ts';
import { loadFundsFile } from './funding.files.ts';
import {
  fundingRows,
  fundsFile,
  KEY,
  OFFICE,
  OXFORD,
  READING,
  RECIPIENTS,
  seedFundingFixture,
} from './funding.testing.ts';
import { fundingPaths as paths } from './index.ts';

/** The amounts in pence an allocation page's table shows, in its order (by authority code). */
const pageAmounts = (body: string) =>
  [...body.matchAll(/data-amount-pence="(\d+)"/g)].map((match) => Number(match[1]));

describe.each(testEngines())('funds’ pages, what-if view, CSV, letters and API, on %s', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  let services: Services;
  let officer: TestClient;

  beforeAll(async () => {
    services = await seedFundingFixture(database.current);
    await loadFundsFile(services.funding, systemActor('test'), fundsFile(), 'funds.yaml');
    app = await buildTestApp(database.current);
    officer = await signInAs({ app, services }, { role: 'opcc-officer', body: OFFICE });
  });
  afterAll(() => app?.close());

  const get = (url: string) => app.inject({ method: 'GET', url });

  it('shows the funds and a fund in public, with its budget, priorities, rounds and criteria', async () => {
    expectPage(await get(paths.list()), 200, 'Test Community Safety Fund', '2025/26: £10.00');
    expectPage(
      await get(paths.fund(KEY)),
      200,
      'PC1: Crime Prevention',
      'First round',
      '1 April 2025',
      '30 May 2025',
      'Serves the plan',
      '2025/26 allocation',
      'Not yet recorded',
    );
    expect((await get(paths.fund({ fund: 'no-such-fund' }))).statusCode).toBe(404);
  });

  it('gives the fund and its allocation as JSON', async () => {
    const list = (await get(paths.apiList())).json();
    expect(list.funds.map((fund: { slug: string }) => fund.slug)).toEqual(['test-fund']);
    const fund = (await get(paths.apiFund(KEY))).json();
    expect(fund).toMatchObject({
      type: 'Fund',
      kind: 'community-safety',
      budgets: [{ year: '2025-26', amountPence: 1000 }],
      rounds: [{ name: 'First round', opensOn: '2025-04-01', closesOn: '2025-05-30' }],
      assessmentCriteria: [
        { name: 'Serves the plan', weight: 60 },
        { name: 'Value for money', weight: 40 },
      ],
    });
    const allocation = (await get(paths.apiAllocation(KEY))).json();
    expect(allocation).toMatchObject({
      potPence: 1000,
      retainedPercent: '10',
      retainedPence: 100,
      allocatedPence: 900,
    });
    const byCode = Object.fromEntries(
      allocation.authorities.map((line: { code: string; amountPence: number }) => [
        line.code,
        line.amountPence,
      ]),
    );
    expect(byCode).toMatchObject({ [READING]: 563, [OXFORD]: 337 });
  });

  it('gives a CSV with the very figures of the page', async () => {
    const page = await get(paths.allocation(KEY));
    expectPage(page, 200, 'Not yet recorded', '£9.00', 'Peelian holds no police.uk data for 2025-03');
    const csv = await get(paths.allocationCsv(KEY));
    expect(csv.headers['content-type']).toContain('text/csv');
    const [header, ...rows] = csv.body.trim().split('\r\n');
    expect(header).toBe('area_code,area_name,crimes,need,share_percent,amount_pence,amount');
    const cells = rows.map((row) => row.split(','));
    expect(cells.map((row) => row[0])).toEqual([...RECIPIENTS].sort());
    expect(cells.map((row) => Number(row[5]))).toEqual(pageAmounts(page.body));
    for (const row of cells) expect(page.body).toContain(`>${row[4]}</td>`);
    expect(cells.find((row) => row[0] === READING)).toEqual([
      READING,
      'Reading',
      '6',
      '1',
      '62.500',
      '563',
      '£5.63',
    ]);
  });

  it('tries other weights in the what-if view for the office only, and saves nothing', async () => {
    expect((await get(paths.whatIf(KEY))).statusCode).not.toBe(200);
    const before = await fundingRows(database.current);
    const tried = await officer.get(
      paths.whatIf(KEY, { retained: '10', 'weight-crimes': '100', 'weight-need': '0' }),
    );
    // All by crimes: Reading 6/8 of 900p = 675p (+112p), Oxford 2/8 = 225p (−112p).
    expectPage(tried, 200, '£6.75', '+£1.12', '£2.25', '−£1.12', 'No change');
    const retained = await officer.get(paths.whatIf(KEY, { retained: '0' }));
    expectPage(retained, 200, '£10.00 shared', '£6.25', '£3.75');
    const wrong = await officer.get(paths.whatIf(KEY, { 'weight-crimes': '70' }));
    expectRefused(wrong, 'href="#weight-crimes"', 'The weights must add up to 100; they add up to 120');
    const bad = await officer.get(paths.whatIf(KEY, { retained: 'ten' }));
    expectRefused(bad, 'href="#retained"', 'The retained share must be a per cent');
    expect(await fundingRows(database.current)).toEqual(before);
  });

  it('records the allocation through the form, refusing amounts that do not add up, then gives letters', async () => {
    const amounts = Object.fromEntries(
      [...RECIPIENTS].map((code) => [
        `amount-${code}`,
        code === READING ? '563' : code === OXFORD ? '337' : '0',
      ]),
    );
    expect(
      (await app.inject({ method: 'POST', url: paths.record(KEY), payload: amounts })).statusCode,
    ).not.toBe(303);
    const refused = await officer.post(paths.record(KEY), { ...amounts, [`amount-${READING}`]: '600' });
    expectRefused(
      refused,
      'There is a problem',
      'they must add up to 900 pence, the pot less the retained share',
    );
    expect((await fundingRows(database.current)).allocations).toEqual([]);
    expectPage(await officer.get(paths.allocation(KEY)), 200, 'Record this allocation');
    const recorded = await officer.post(paths.record(KEY), amounts);
    expect(recorded.statusCode).toBe(303);
    expect(recorded.headers.location).toBe(paths.allocation(KEY));
    const page = await get(paths.allocation(KEY));
    expectPage(page, 200, 'data-testid="recorded"', paths.letter({ ...KEY, area: READING }));
    expect(page.body).not.toContain('Record this allocation');
    expectPage(
      await get(paths.letter({ ...KEY, area: READING })),
      200,
      'Reading is allocated <strong>£5.63</strong>',
      '62.500%',
      'Thames Valley',
    );
    expect((await get(paths.letter({ ...KEY, area: 'E06000999' }))).statusCode).toBe(404);
    expect((await officer.post(paths.record(KEY), amounts)).statusCode).toBe(409);
  });
});
