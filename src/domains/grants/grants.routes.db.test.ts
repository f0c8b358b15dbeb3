import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.ts';
import { expectMatchesOpenApi } from '../../kernel/testing/openapi.ts';
import { buildTestApp, TEST_URLS } from '../../kernel/testing/test-app.ts';
import { TestClient } from '../../kernel/testing/test-client.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestUser, TEST_PASSWORD } from '../accounts/accounts.testing.ts';
import { CHARITY, OFFICE, OTHER, seedGrantsFixture } from './grants.testing.ts';
import { grantsPaths as paths } from './index.ts';

describe.each(testEngines())('grants: applying, assessing and awarding, on %s', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  let services: Services;
  const signedIn = async (role: 'grant-applicant' | 'opcc-officer', body: string) => {
    const { email } = await createTestUser(services, { role, body });
    const client = new TestClient(app);
    expect((await client.post('/sign-in', { email, password: TEST_PASSWORD })).statusCode).toBe(303);
    return client;
  };
  let applicant: TestClient;
  let other: TestClient;
  let officer: TestClient;
  let second: TestClient;
  let id: number;

  beforeAll(async () => {
    services = buildServices(database.current, TEST_URLS);
    await seedGrantsFixture(database.current.db);
    app = await buildTestApp(database.current);
    applicant = await signedIn('grant-applicant', CHARITY);
    other = await signedIn('grant-applicant', OTHER);
    officer = await signedIn('opcc-officer', OFFICE);
    second = await signedIn('opcc-officer', OFFICE);
  });
  afterAll(() => app.close());

  it('takes the organisation’s details, refusing a charity without its number', async () => {
    const refused = await applicant.post(paths.organisationDetails(), { type: 'charity' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#charityNumber"');
    expect(
      (await applicant.post(paths.organisationDetails(), { type: 'charity', charityNumber: '1123456' }))
        .statusCode,
    ).toBe(303);
    const home = await applicant.get(paths.organisation());
    expect(home.body).toContain('Charity number 1123456');
    expect(home.body).toContain('Open round');
  });

  it('refuses a closed round and an ineligible type, saving nothing', async () => {
    const closed = await applicant.post(paths.start(), { fund: 'grants-test-fund', round: 'Closed round' });
    expect(closed.statusCode).toBe(400);
    expect(closed.body).toContain('closed on 1 May 2020');
    await other.post(paths.organisationDetails(), { type: 'company', companyNumber: '01234567' });
    const ineligible = await other.post(paths.start(), { fund: 'grants-test-fund', round: 'Open round' });
    expect(ineligible.statusCode).toBe(400);
    expect(ineligible.body).toContain('does not take applications from a company');
    expect(await database.current.db.selectFrom('grantApplication').select('id').execute()).toEqual([]);
  });

  it('saves each answer as a draft, refuses a negative or too large amount, then submits', async () => {
    const started = await applicant.post(paths.start(), { fund: 'grants-test-fund', round: 'Open round' });
    expect(started.statusCode).toBe(303);
    id = Number(started.headers.location?.toString().split('/')[3]);
    expect(started.headers.location).toBe(paths.question({ id, question: 'project' }));
    const early = await applicant.post(paths.check({ id }), {});
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('href="#project"');
    await applicant.post(paths.question({ id, question: 'project' }), { project: 'Safer streets' });
    await applicant.post(paths.question({ id, question: 'purpose' }), { purpose: 'Lighting an alley.' });
    const negative = await applicant.post(paths.question({ id, question: 'amount' }), { amount: '-5' });
    expect(negative.statusCode).toBe(400);
    expect(negative.body).toContain('href="#amount"');
    const over = await applicant.post(paths.question({ id, question: 'amount' }), { amount: '3,000.01' });
    expect(over.body).toContain('£3,000.00 or less');
    expect(
      (await applicant.post(paths.question({ id, question: 'amount' }), { amount: '2,500' })).headers
        .location,
    ).toBe(paths.question({ id, question: 'contact' }));
    await applicant.post(paths.question({ id, question: 'contact' }), { contactName: 'Ada Example' });
    const check = await applicant.get(paths.check({ id }));
    expect(check.body).toContain('£2,500.00');
    expect((await applicant.post(paths.check({ id }), {})).statusCode).toBe(303);
    expect(
      (await applicant.post(paths.question({ id, question: 'project' }), { project: 'x' })).statusCode,
    ).toBe(409);
  });

  it('shows an application only to its own organisation and the fund’s officers', async () => {
    expect((await other.get(paths.application({ id }))).statusCode).toBe(404);
    expect((await other.get(paths.check({ id }))).statusCode).toBe(404);
    expect((await other.post(paths.question({ id, question: 'project' }), { project: 'x' })).statusCode).toBe(
      404,
    );
    expect((await applicant.get(paths.application({ id }))).body).toContain('Safer streets');
    expect((await applicant.get(paths.applications())).statusCode).toBe(403);
    expect((await officer.get(paths.applications())).body).toContain('Safer streets');
  });

  it('keeps a conflicted officer from scoring, and the assessor from moderating', async () => {
    await officer.post(paths.declaration({ id }), { conflicted: 'yes' });
    expect((await officer.post(paths.score({ id }), { 'score-1': '4', 'score-2': '3' })).statusCode).toBe(
      409,
    );
    await second.post(paths.declaration({ id }), { conflicted: 'no' });
    const bad = await second.post(paths.score({ id }), { 'score-1': '6' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#score-2"');
    expect((await second.post(paths.score({ id }), { 'score-1': '4', 'score-2': '3' })).statusCode).toBe(303);
    expect((await second.get(paths.application({ id }))).body).toContain('360 out of 500 (72.0%)');
    expect((await second.post(paths.moderation({ id }), { moderation: 'agreed' })).statusCode).toBe(409);
  });

  it('moderates with a third officer, decides, and refuses an award over the budget or not adding up', async () => {
    const third = await signedIn('opcc-officer', OFFICE);
    await third.post(paths.declaration({ id }), { conflicted: 'no' });
    const noNote = await third.post(paths.moderation({ id }), {
      moderation: 'changed',
      'score-1': '5',
      'score-2': '3',
    });
    expect(noNote.body).toContain('href="#note"');
    await third.post(paths.moderation({ id }), {
      moderation: 'changed',
      'score-1': '5',
      'score-2': '3',
      note: 'Strong fit.',
    });
    expect((await third.get(paths.application({ id }))).body).toContain('420 out of 500');
    await third.post(paths.decision({ id }), { decision: 'approve', reason: 'Meets the criteria.' });
    const over = await third.post(paths.makeAward({ id }), {
      amount: '5,000.01',
      conditions: 'Report by March.',
      instalments: '2026-05-01 £5,000.01',
    });
    expect(over.statusCode).toBe(400);
    expect(over.body).toContain('£5,000.00 or less');
    const uneven = await third.post(paths.makeAward({ id }), {
      amount: '2,500',
      conditions: 'Report by March.',
      instalments: '2026-05-01 £1,000\n2026-09-01 £1,000',
    });
    expect(uneven.body).toContain('add up to £2,000.00, not the award’s £2,500.00');
    expect(await database.current.db.selectFrom('grantAward').select('id').execute()).toEqual([]);
    const made = await third.post(paths.makeAward({ id }), {
      amount: '2,500',
      conditions: 'Report by March.',
      instalments: '2026-05-01 £1,500\n2026-09-01 £1,000',
    });
    expect(made.statusCode).toBe(303);
    expect((await applicant.get(paths.application({ id }))).body).toContain('Report by March.');
  });

  it('publishes the award without personal data, and audits every change', async () => {
    const awards = await app.inject({ method: 'GET', url: paths.apiAwards() });
    const document = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expectMatchesOpenApi(document, 'get', paths.apiAwards.openApi, 200, awards.json());
    expect(awards.json().awards[0]).toMatchObject({ amountPence: 250_000, purpose: 'Lighting an alley.' });
    expect(awards.body).not.toContain('Ada Example');
    expect((await app.inject({ method: 'GET', url: paths.awards() })).body).not.toContain('Ada Example');
    const list = await officer.get(paths.apiApplications());
    expectMatchesOpenApi(document, 'get', paths.apiApplications.openApi, 200, list.json());
    expect(list.json().applications[0]).toMatchObject({
      state: 'approved',
      weightedTotal: 360,
      moderatedTotal: 420,
    });
    const audited = await database.current.db
      .selectFrom('auditEvent')
      .select('recordType')
      .where('recordType', 'like', 'grant-%')
      .execute();
    expect(new Set(audited.map((each) => each.recordType))).toEqual(
      new Set(['grant-organisation', 'grant-application', 'grant-declaration', 'grant-award']),
    );
  });
});
