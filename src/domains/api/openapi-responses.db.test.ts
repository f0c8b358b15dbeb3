import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../composition.ts';
import { type Actor, systemActor } from '../../kernel/auth/actor.ts';
import { expectMatchesOpenApi } from '../../kernel/testing/openapi.ts';
import { buildTestApp } from '../../kernel/testing/test-app.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestBody } from '../accounts/accounts.testing.ts';
import { scorecardPaths } from '../judgements/judgements.paths.ts';
import { READING, seedScorecardFixture } from '../judgements/judgements.testing.ts';
import { DeclarationFormSchema } from '../scrutiny/interests/interests.schemas.ts';
import { SAMPLE_FILES } from '../scrutiny/papers/papers.testing.ts';
import { seedDemoScrutiny } from '../scrutiny/scrutiny.demo.ts';
import { apiPaths } from './api.paths.ts';

/**
 * What the demo data leaves out, so every part of a meeting's schema is reached: a paper, a declaration of
 * interest, and the October minutes approved at the December meeting.
 */
async function addMeetingRecords(services: Services, actor: Actor) {
  const meetings = await services.scrutiny.listMeetings(actor);
  const idOf = (title: string) =>
    meetings.find(({ meeting }) => meeting.title.includes(title))?.meeting.id ?? 0;
  const october = idOf('21 October 2016');
  const read = await services.scrutiny.readMeeting(actor, october);
  await services.scrutiny.papers.uploadPaper(
    actor,
    october,
    { name: 'report.pdf', title: '', agendaItem: read.items[0]?.id ?? '', exemptParagraph: null },
    SAMPLE_FILES.pdf,
  );
  const attendance = await services.scrutiny.attendance.listMeetingAttendance(actor, read.meeting);
  const member = attendance?.find((row) => row.memberId !== null)?.memberId;
  await services.scrutiny.interests.addDeclaration(
    actor,
    october,
    DeclarationFormSchema.parse({
      member: String(member),
      agendaItem: String(read.items[1]?.id),
      kind: 'other-registrable',
      description: 'A trustee of a charity named in the report',
      participation: 'took-part',
    }),
  );
  await services.scrutiny.records.minutes.approve(actor, october, {
    approvingMeeting: idOf('16 December 2016'),
  });
}

/**
 * Each public GET of the API, answered by the real app from a plan, police.uk months, indicators and the
 * demo panel's meetings and records, matches the schema its operation declares, errors included.
 */
describe.each(testEngines())('API responses match the OpenAPI document on %s', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  let document: Parameters<typeof expectMatchesOpenApi>[0];
  let recommendationId: number;
  let packId: number;

  beforeAll(async () => {
    const services = await seedScorecardFixture(database.current, { ksi: true });
    await createTestBody(database.current.db, 'thames-valley-panel', 'scrutiny-panel');
    await createTestBody(database.current.db, 'thames-valley-pcc', 'policing-body');
    const system = systemActor('test');
    await seedDemoScrutiny(services.scrutiny, system);
    await addMeetingRecords(services, system);
    const ledger = await services.scrutiny.records.recommendations.listLedger(system, {
      status: null,
      origin: null,
      overdue: null,
    });
    recommendationId = ledger[0]?.id ?? 0;
    packId = (
      await services.packs.createPack(system, {
        body: 'thames-valley-pcc',
        plan: { slug: 'thames-valley-2024-2029', version: 1 },
        financialYear: 2024,
        quarter: 4,
        meeting: null,
      })
    ).id;
    await services.packs.issuePack(system, packId);
    app = await buildTestApp(database.current);
    document = (await app.inject({ method: 'GET', url: apiPaths.openApiDocument() })).json();
  });
  afterAll(() => app.close());

  /** GETs the URL and checks the answer against the operation of the path template. */
  async function expectDeclared(template: string, url: string, status: number, headers = {}) {
    const response = await app.inject({ method: 'GET', url, headers });
    expect(response.statusCode, url).toBe(status);
    expectMatchesOpenApi(document, 'get', template, status, response.json());
    return response.json();
  }

  it('areas, plans and the caller', async () => {
    await expectDeclared('/api/v1/areas', '/api/v1/areas', 200);
    const { plans } = await expectDeclared('/api/v1/plans', '/api/v1/plans', 200);
    expect(plans.length).toBeGreaterThan(0);
    const slug = plans[0].slug;
    await expectDeclared('/api/v1/plans/{slug}', `/api/v1/plans/${slug}`, 200);
    await expectDeclared('/api/v1/plans/{slug}', `/api/v1/plans/${slug}?version=1`, 200);
    await expectDeclared('/api/v1/plans/{slug}', `/api/v1/plans/${slug}?version=none`, 400);
    await expectDeclared('/api/v1/plans/{slug}', '/api/v1/plans/no-such-plan', 404);
    await expectDeclared('/api/v1/plans', '/api/v1/plans', 401, { authorization: 'Bearer not-a-token' });
    await expectDeclared('/api/v1/me', '/api/v1/me', 401);
  });

  it('meetings, minutes and recommendations', async () => {
    const { meetings } = await expectDeclared('/api/v1/meetings', '/api/v1/meetings', 200);
    const seen = { files: 0, people: 0, declarations: 0, minuteItems: 0 };
    for (const { id } of meetings) {
      const meeting = await expectDeclared('/api/v1/meetings/{id}', `/api/v1/meetings/${id}`, 200);
      const minutes = await expectDeclared(
        '/api/v1/meetings/{id}/minutes',
        `/api/v1/meetings/${id}/minutes`,
        200,
      );
      seen.files += meeting.agendaItem.flatMap(
        (item: { auxiliaryFile: unknown[] }) => item.auxiliaryFile,
      ).length;
      seen.people += Object.values(meeting.attendance ?? {}).flat().length;
      seen.declarations += meeting.declarations?.length ?? 0;
      seen.minuteItems += minutes.items.length;
    }
    // The demo data reaches every part of a meeting's schema.
    expect(
      Object.values(seen).every((count) => count > 0),
      JSON.stringify(seen),
    ).toBe(true);
    await expectDeclared('/api/v1/meetings/{id}', '/api/v1/meetings/999999', 404);
    await expectDeclared('/api/v1/meetings/{id}', '/api/v1/meetings/first', 400);
    await expectDeclared('/api/v1/meetings/{id}/minutes', '/api/v1/meetings/0/minutes', 400);

    const ledger = await expectDeclared('/api/v1/recommendations', '/api/v1/recommendations', 200);
    expect(ledger.recommendations.length).toBeGreaterThan(0);
    await expectDeclared('/api/v1/recommendations', '/api/v1/recommendations?status=ignored', 400);
    await expectDeclared('/api/v1/recommendations/{id}', `/api/v1/recommendations/${recommendationId}`, 200);
    await expectDeclared('/api/v1/recommendations/{id}', '/api/v1/recommendations/999999', 404);
  });

  it('police.uk counts and a force’s series', async () => {
    for (const by of ['crime-type', 'outcome', 'lsoa'])
      await expectDeclared(
        '/api/v1/police-uk/counts',
        `/api/v1/police-uk/counts?force=thames-valley&month=2025-01&by=${by}`,
        200,
      );
    const missing = await expectDeclared(
      '/api/v1/police-uk/counts',
      '/api/v1/police-uk/counts?force=thames-valley&month=2019-01&by=outcome',
      404,
    );
    expect(missing.loadedMonths).toContain('2025-01');
    await expectDeclared(
      '/api/v1/police-uk/counts',
      '/api/v1/police-uk/counts?force=nowhere&month=2025-01&by=outcome',
      404,
    );
    await expectDeclared('/api/v1/police-uk/counts', '/api/v1/police-uk/counts?force=thames-valley', 400);
    await expectDeclared('/api/v1/police-uk/forces/{force}', '/api/v1/police-uk/forces/thames-valley', 200);
    await expectDeclared('/api/v1/police-uk/forces/{force}', '/api/v1/police-uk/forces/nowhere', 404);
    await expectDeclared('/api/v1/police-uk/forces/{force}', '/api/v1/police-uk/forces/Not_A_Slug', 400);
  });

  it('the scorecard and a measure, force-wide and for a local authority', async () => {
    const scorecard = await expectDeclared('/api/v1/scorecard', '/api/v1/scorecard', 200);
    expect(scorecard.measures.length).toBeGreaterThan(0);
    await expectDeclared('/api/v1/scorecard', `/api/v1/scorecard?area=${READING}`, 200);
    await expectDeclared('/api/v1/scorecard', '/api/v1/scorecard?area=W99999999', 400);
    const measure = '/api/v1/scorecard/measures/{code}';
    for (const code of ['PC3.M1', 'PPR1.M1', 'PPR1.M2', 'PP4.M1'])
      await expectDeclared(measure, `/api/v1/scorecard/measures/${code}`, 200);
    await expectDeclared(measure, `/api/v1/scorecard/measures/PC1.M1?area=${READING}`, 200);
    await expectDeclared(measure, '/api/v1/scorecard/measures/NO.SUCH', 404);
    await expectDeclared(measure, '/api/v1/scorecard/measures/PC1.M1?area=nowhere', 400);
  });

  it('the SPC calculator, answered and refused', async () => {
    const post = (payload: object) => app.inject({ method: 'POST', url: scorecardPaths.apiSpc(), payload });
    const answer = await post({ values: [1, 2, 3, 2, 1, 2, 3, 9], improvement: 'increase' });
    expect(answer.statusCode).toBe(200);
    expectMatchesOpenApi(document, 'post', '/api/v1/spc', 200, answer.json());
    const refused = await post({ values: 'none', improvement: 'up' });
    expect(refused.statusCode).toBe(400);
    expectMatchesOpenApi(document, 'post', '/api/v1/spc', 400, refused.json());
  });

  it('performance packs, issued and not', async () => {
    const { packs } = await expectDeclared('/api/v1/packs', '/api/v1/packs', 200);
    expect(packs.map((pack: { id: number }) => pack.id)).toEqual([packId]);
    const pack = await expectDeclared('/api/v1/packs/{id}', `/api/v1/packs/${packId}`, 200);
    expect(pack.priorities.length).toBeGreaterThan(0);
    await expectDeclared('/api/v1/packs/{id}', '/api/v1/packs/999999', 404);
    await expectDeclared('/api/v1/packs/{id}', '/api/v1/packs/first', 400);
  });
});
