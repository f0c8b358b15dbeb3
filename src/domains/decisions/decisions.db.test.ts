import { beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.ts';
import { ANONYMOUS, systemActor } from '../../kernel/auth/actor.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../kernel/errors.ts';
import { TEST_URLS } from '../../kernel/testing/test-app.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import type { RecordForm } from './decisions.schemas.ts';
import { createDecisionsService, type DecisionsService } from './decisions.service.ts';
import { createTestOffice } from './decisions.testing.ts';

const system = systemActor('test');
const OFFICE = 'decisions-office';

const draft = (number: string, changes: Partial<RecordForm> = {}): RecordForm => ({
  body: OFFICE,
  number,
  title: `Decision ${number}`,
  summary: 'What was decided.',
  maker: 'pcc',
  keyDecision: false,
  plannedOn: null,
  value: 125_000,
  advice: 'No financial implications.',
  part: 'part-1',
  publicStub: null,
  part2Advice: null,
  exemption: null,
  informationRegime: 'foia',
  priorities: ['PC1'],
  meetings: [],
  recommendations: [],
  ...changes,
});

const signOff = {
  decidedOn: '2026-06-12',
  cfoName: 'A Finance Officer',
  cfoSignedOn: '2026-06-11',
  monitoringOfficerName: 'A Chief Executive',
  monitoringOfficerSignedOn: '2026-06-11',
};

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors.map((each) => each.field);
}

describe.each(testEngines())('the decision register’s use-cases, on %s', (engine) => {
  const database = useTestDatabase(engine);
  let services: Services;
  let decisions: DecisionsService;
  let office: Awaited<ReturnType<typeof createTestOffice>>;
  // The register's clock stands on Wednesday 17 June 2026.
  const now = () => new Date('2026-06-17T11:00:00Z');

  beforeAll(async () => {
    services = buildServices(database.current, TEST_URLS);
    decisions = createDecisionsService({
      db: database.current.db,
      policy: services.policy,
      now,
      canSeeRecommendation: services.recommendations.canSee,
    });
    office = await createTestOffice(database.current, services, OFFICE);
  });

  it('records, signs off and publishes a decision, and counts how late it was in working days', async () => {
    const target = await decisions.recordDecision(system, draft('2026-001'));
    await decisions.signOffDecision(system, target, signOff);
    // Friday 12 June: due Monday 15 June; published Wednesday 17 June is two working days late.
    await decisions.publishDecision(system, target);
    const [published] = await decisions.listRegister(ANONYMOUS, { year: 2026, maker: null });
    expect(published).toMatchObject({
      number: '2026-001',
      status: 'published',
      publicationDueOn: '2026-06-15',
      publishedOn: '2026-06-17',
      workingDaysLate: 2,
      valuePence: 125_000,
      priorities: ['PC1'],
    });
    const audit = await database.current.db
      .selectFrom('auditEvent')
      .select('action')
      .where('recordType', '=', 'decision')
      .execute();
    expect(audit.length).toBe(3);
  });

  it('refuses dates out of order, naming the field, and saves nothing', async () => {
    const target = await decisions.recordDecision(system, draft('2026-002'));
    const fields = await refusal(
      decisions.signOffDecision(system, target, {
        ...signOff,
        cfoSignedOn: '2026-06-13',
        decidedOn: '2026-06-12',
      }),
    );
    expect(fields).toEqual(['cfoSignedOn']);
    expect(
      await refusal(decisions.signOffDecision(system, target, { ...signOff, decidedOn: '2026-06-18' })),
    ).toEqual(['decidedOn']);
    const { decision } = await decisions.readDecision(system, OFFICE, '2026-002');
    expect(decision).toMatchObject({ status: 'draft', decidedOn: null, cfoName: null });
  });

  it('refuses to publish a decision without its sign-off, naming the fields, and saves nothing', async () => {
    const target = await decisions.recordDecision(system, draft('2026-003'));
    expect(await refusal(decisions.publishDecision(system, target))).toEqual([
      'decidedOn',
      'cfoName',
      'monitoringOfficerName',
    ]);
    expect((await decisions.readDecision(system, OFFICE, '2026-003')).decision.status).toBe('draft');
    await expect(decisions.readDecision(ANONYMOUS, OFFICE, '2026-003')).rejects.toThrow(NotFoundError);
  });

  it('refuses a Part 2 decision without its public description and exemption, and a number used twice', async () => {
    expect(await refusal(decisions.recordDecision(system, draft('2026-004', { part: 'part-2' })))).toEqual([
      'publicStub',
      'exemption',
    ]);
    expect(await refusal(decisions.recordDecision(system, draft('2026-001')))).toEqual(['number']);
    await expect(decisions.readDecision(system, OFFICE, '2026-004')).rejects.toThrow(NotFoundError);
  });

  it('defers publication to a later date with its reason, which moves the deadline', async () => {
    const target = await decisions.recordDecision(system, draft('2026-005'));
    expect(
      await refusal(
        decisions.deferPublication(system, target, { deferredUntil: '2026-07-04', deferralReason: 'x' }),
      ),
    ).toEqual(['deferredUntil']);
    await decisions.signOffDecision(system, target, signOff);
    expect(
      await refusal(
        decisions.deferPublication(system, target, { deferredUntil: '2026-06-12', deferralReason: 'x' }),
      ),
    ).toEqual(['deferredUntil']);
    await decisions.deferPublication(system, target, {
      deferredUntil: '2026-07-04',
      deferralReason: 'The contractor is told first.',
    });
    const deadlines = await decisions.upcomingDeadlines(system);
    // Saturday 4 July: due the Monday after.
    expect(deadlines).toContainEqual(
      expect.objectContaining({
        date: '2026-07-06',
        title: 'Publish decision 2026-005 by 6 July 2026 (publication deferred)',
      }),
    );
    expect(await decisions.upcomingDeadlines(ANONYMOUS)).toEqual([]);
    await decisions.publishDecision(system, target);
    await expect(decisions.publishDecision(system, target)).rejects.toThrow(ConflictError);
    expect((await decisions.readDecision(ANONYMOUS, OFFICE, '2026-005')).decision.workingDaysLate).toBe(0);
  });

  it('shows the public only the stub and exemption of a Part 2 decision', async () => {
    const target = await decisions.recordDecision(
      system,
      draft('2026-006', {
        part: 'part-2',
        title: 'Sale of the old station',
        publicStub: 'A property matter',
        part2Advice: 'The price agreed.',
        exemption: 'Section 43 FOIA',
        meetings: office.meetingIds,
        recommendations: [office.recommendation.reference],
      }),
    );
    await decisions.signOffDecision(system, target, signOff);
    await decisions.publishDecision(system, target);
    const { decision } = await decisions.readDecision(ANONYMOUS, OFFICE, '2026-006');
    expect(decision).toMatchObject({
      title: 'A property matter',
      summary: null,
      advice: null,
      part2Advice: null,
      valuePence: null,
      priorities: [],
      meetings: [],
      recommendations: [],
      exemption: 'Section 43 FOIA',
      withheld: true,
    });
    const whole = (await decisions.readDecision(system, OFFICE, '2026-006')).decision;
    expect(whole.title).toBe('Sale of the old station');
    expect(whole.meetings).toHaveLength(2);
  });

  it('changes a draft with the same checks as recording it, audited, and refuses to change a signed one', async () => {
    const target = await decisions.recordDecision(system, draft('2026-007'));
    const edit = { ...draft('2026-007'), title: 'Grants, revised', value: 99_00, plannedOn: '2026-09-01' };
    const { body: _b, number: _n, ...form } = edit;
    expect(await refusal(decisions.editDecision(system, target, { ...form, part: 'part-2' }))).toEqual([
      'publicStub',
      'exemption',
    ]);
    expect((await decisions.readDecision(system, OFFICE, '2026-007')).decision.title).toBe(
      'Decision 2026-007',
    );
    await decisions.editDecision(system, target, form);
    const { decision } = await decisions.readDecision(system, OFFICE, '2026-007');
    expect(decision).toMatchObject({ title: 'Grants, revised', valuePence: 9900, plannedOn: '2026-09-01' });
    const [audit] = await database.current.db
      .selectFrom('auditEvent')
      .select(['before', 'after'])
      .where('recordType', '=', 'decision')
      .where('recordId', '=', String(decision.id))
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    expect(audit).toMatchObject({
      before: expect.objectContaining({ title: 'Decision 2026-007' }),
      after: expect.objectContaining({ title: 'Grants, revised' }),
    });
    await decisions.signOffDecision(system, target, signOff);
    await expect(decisions.editDecision(system, target, form)).rejects.toThrow(
      /Decision 2026-007 is signed off, so it can no longer be changed/,
    );
    await expect(decisions.readDraftToEdit(system, OFFICE, '2026-007')).rejects.toThrow(ConflictError);
  });

  it('refuses plan priorities the plan in force does not have, and links meetings and recommendations', async () => {
    expect(
      await refusal(
        decisions.recordDecision(system, draft('2026-008', { priorities: ['PC1', 'PC9', 'XX'] })),
      ),
    ).toEqual(['priorities']);
    // Before the plan's term there is no plan in force to name a priority of.
    expect(
      await refusal(decisions.recordDecision(system, draft('2026-008', { plannedOn: '2023-01-10' }))),
    ).toEqual(['priorities']);
    const refused = await decisions
      .recordDecision(system, draft('2026-008', { meetings: [999_999], recommendations: ['1999-9'] }))
      .catch((error: ValidationError) => error.fieldErrors);
    expect(refused).toEqual([
      { field: 'meetings', message: expect.stringContaining('There is no meeting 999999') },
      { field: 'recommendations', message: expect.stringContaining('There is no recommendation 1999-9') },
    ]);
    await expect(decisions.readDecision(system, OFFICE, '2026-008')).rejects.toThrow(NotFoundError);

    const target = await decisions.recordDecision(
      system,
      draft('2026-008', {
        priorities: ['PC2', 'PC1'],
        meetings: office.meetingIds,
        recommendations: [office.recommendation.reference],
      }),
    );
    await decisions.signOffDecision(system, target, signOff);
    await decisions.publishDecision(system, target);
    const { decision } = await decisions.readDecision(ANONYMOUS, OFFICE, '2026-008');
    expect(decision.priorities).toEqual(['PC1', 'PC2']);
    expect(decision.meetings.map((meeting) => meeting.title)).toEqual(['Budget meeting', 'Summer meeting']);
    expect(decision.recommendations).toEqual([
      expect.objectContaining({ id: office.recommendation.id, reference: office.recommendation.reference }),
    ]);
  });
});
