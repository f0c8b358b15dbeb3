import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../composition.ts';
import { type Actor, ANONYMOUS, systemActor } from '../../kernel/auth/actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../kernel/errors.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestBody } from '../accounts/accounts.testing.ts';
import { loadDeliveryFile } from './delivery.files.ts';
import type { ActionForm } from './delivery.schemas.ts';
import { deliveryFile, PLAN, seedPlanForDelivery } from './delivery.testing.ts';

const system = systemActor('test');
const KEY = { plan: PLAN, version: 1, owner: 'opcc' as const };

const action = (reference: string, changes: Partial<ActionForm> = {}): ActionForm => ({
  reference,
  title: `Action ${reference}`,
  description: null,
  actionOwner: 'Head of Policy',
  startsOn: '2025-01-01',
  dueOn: '2025-06-30',
  targets: [{ kind: 'measure', code: 'PC1.M1' }],
  ...changes,
});

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

const fields = async (promise: Promise<unknown>) => (await refusal(promise)).map((each) => each.field);

describe.each(testEngines())('delivery plans’ use-cases, on %s', (engine) => {
  const database = useTestDatabase(engine);
  let services: Services;

  beforeAll(async () => {
    services = await seedPlanForDelivery(database.current);
    await services.delivery.createDeliveryPlan(system, {
      planVersion: { plan: PLAN, version: 1 },
      owner: 'opcc',
      title: 'The office’s delivery plan',
      summary: null,
    });
  });

  it('keeps an unpublished plan from the public until it is published', async () => {
    await expect(services.delivery.readDeliveryPlan(ANONYMOUS, KEY)).rejects.toBeInstanceOf(NotFoundError);
    expect(await services.delivery.listPlansFor(ANONYMOUS)).toEqual([]);
    expect((await services.delivery.listPlansFor(system)).map(({ plan }) => plan.title)).toEqual([
      'The office’s delivery plan',
    ]);
    const twice = services.delivery.createDeliveryPlan(system, {
      planVersion: { plan: PLAN, version: 1 },
      owner: 'opcc',
      title: 'Again',
      summary: null,
    });
    expect(await fields(twice)).toEqual(['owner']);
    expect(
      await fields(
        services.delivery.createDeliveryPlan(system, {
          planVersion: { plan: PLAN, version: 7 },
          owner: 'force',
          title: 'No such version',
          summary: null,
        }),
      ),
    ).toEqual(['planVersion']);
  });

  it('refuses an action with dates out of order, no aim or measure, or one the plan lacks; nothing saved', async () => {
    expect(
      await refusal(services.delivery.addAction(system, KEY, action('A-1', { dueOn: '2024-12-31' }))),
    ).toEqual([
      { field: 'dueOn', message: 'The due date must be on or after the start date, 1 January 2025' },
    ]);
    expect(await fields(services.delivery.addAction(system, KEY, action('A-1', { targets: [] })))).toEqual([
      'targets',
    ]);
    const unknown = await refusal(
      services.delivery.addAction(system, KEY, action('A-1', { targets: [{ kind: 'aim', code: 'PC1.M1' }] })),
    );
    expect(unknown[0]?.message).toContain('PC1.M1 is not a key aim of');
    expect((await services.delivery.readDeliveryPlan(system, KEY)).actions).toEqual([]);

    await services.delivery.addAction(system, KEY, action('A-1'));
    expect(await fields(services.delivery.addAction(system, KEY, action('A-1')))).toEqual(['reference']);
  });

  it('records no status without evidence, asks for recovery when off track, and keeps the history in date order', async () => {
    const ref = { ...KEY, ref: 'A-1' };
    const change = {
      status: 'on-track' as const,
      changedOn: '2025-02-01',
      evidence: 'Board minutes',
      recovery: null,
    };
    expect(await fields(services.delivery.recordStatus(system, ref, { ...change, evidence: ' ' }))).toEqual([
      'evidence',
    ]);
    expect(
      await fields(services.delivery.recordStatus(system, ref, { ...change, status: 'off-track' })),
    ).toEqual(['recovery']);
    expect(
      await fields(services.delivery.recordStatus(system, ref, { ...change, changedOn: '2099-01-01' })),
    ).toEqual(['changedOn']);
    expect(
      await fields(
        services.delivery.recordStatus(system, ref, {
          ...change,
          status: 'completed',
          changedOn: '2024-12-01',
        }),
      ),
    ).toEqual(['changedOn']);
    expect((await services.delivery.readAction(system, ref)).action.history).toEqual([]);

    await services.delivery.recordStatus(system, ref, change);
    const before = await refusal(
      services.delivery.recordStatus(system, ref, { ...change, changedOn: '2025-01-15' }),
    );
    expect(before).toEqual([
      {
        field: 'changedOn',
        message: 'The date of the status cannot be before the last change, on 1 February 2025',
      },
    ]);
    await services.delivery.recordStatus(system, ref, {
      status: 'off-track',
      changedOn: '2025-03-01',
      evidence: 'Supplier failed',
      recovery: 'New supplier by May',
    });
    const { action: read } = await services.delivery.readAction(system, ref);
    expect(read.history.map((status) => [status.status, status.changedOn, status.recordedBy])).toEqual([
      ['on-track', '2025-02-01', 'test'],
      ['off-track', '2025-03-01', 'test'],
    ]);
    expect([read.status, read.overdue, read.atRisk]).toEqual(['off-track', true, true]);
    const audit = await database.current.db
      .selectFrom('auditEvent')
      .select(['recordType', 'action'])
      .where('recordType', '=', 'delivery-action')
      .execute();
    expect(audit.length).toBe(3);
  });

  it('keeps milestones within their action’s dates', async () => {
    const ref = { ...KEY, ref: 'A-1' };
    expect(
      await fields(
        services.delivery.addMilestone(system, ref, {
          title: 'Early',
          dueOn: '2024-06-01',
          completedOn: null,
        }),
      ),
    ).toEqual(['dueOn']);
    await services.delivery.addMilestone(system, ref, {
      title: 'Contract',
      dueOn: '2025-03-01',
      completedOn: '2025-02-20',
    });
    expect(
      (await services.delivery.readAction(system, ref)).action.milestones.map((each) => each.title),
    ).toEqual(['Contract']);
  });

  it('refuses an officer of another office', async () => {
    const other = await createTestBody(database.current.db, 'other-office');
    const stranger: Actor = {
      kind: 'user',
      userId: 1,
      email: 'stranger@test.example',
      displayName: 'Stranger',
      grants: [{ role: 'opcc-officer', bodyId: Number(other) }],
      sessionSecondFactor: true,
    };
    await expect(services.delivery.addAction(stranger, KEY, action('A-9'))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await services.delivery.publishDeliveryPlan(system, KEY);
    await expect(services.delivery.addAction(stranger, KEY, action('A-9'))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('lists overdue and at-risk actions, puts due dates on the calendar and marks measures’ charts', async () => {
    await services.delivery.addAction(
      system,
      KEY,
      action('A-2', {
        dueOn: '2099-03-31',
        targets: [
          { kind: 'aim', code: 'PC3.A1' },
          { kind: 'measure', code: 'PC3.M1' },
        ],
      }),
    );
    expect((await services.delivery.listOverdue(ANONYMOUS)).map(({ action }) => action.reference)).toEqual([
      'A-1',
    ]);
    expect((await services.delivery.listAtRisk(ANONYMOUS)).map(({ action }) => action.reference)).toEqual([
      'A-1',
    ]);
    const deadlines = await services.delivery.upcomingDeadlines(ANONYMOUS);
    expect(deadlines.map((each) => [each.date, each.status])).toEqual([
      ['2025-06-30', 'overdue'],
      ['2099-03-31', null],
    ]);
    expect(deadlines[0]?.url).toBe(`/delivery/${PLAN}/1/opcc/actions/A-1`);
    await services.delivery.recordStatus(
      system,
      { ...KEY, ref: 'A-1' },
      {
        status: 'completed',
        changedOn: '2025-04-10',
        evidence: 'Closure report',
        recovery: null,
      },
    );
    expect(await services.delivery.measureAnnotations({ planSlug: PLAN, code: 'PC1.M1' })).toEqual([
      { date: '2025-01-01', label: 'Started: A-1 Action A-1', url: `/delivery/${PLAN}/1/opcc/actions/A-1` },
      { date: '2025-04-10', label: 'Completed: A-1 Action A-1', url: `/delivery/${PLAN}/1/opcc/actions/A-1` },
    ]);
    expect(await services.delivery.listOverdue(ANONYMOUS)).toEqual([]);
  });

  it('loads a file naming every problem by line and path, saving nothing; loading it again changes nothing', async () => {
    const bad = deliveryFile(
      'force',
      `  - reference: F-1
    title: Force action
    owner: Chief Superintendent
    startsOn: 2025-05-01
    dueOn: 2025-04-01
    aims: [PC3.A1, NOPE.A9]
    statuses:
      - on: 2025-05-02
        status: on-track
        evidence: ""
      - on: 2025-05-03
        status: off-track
        evidence: Slipped
`,
    );
    const problems = await refusal(loadDeliveryFile(services.delivery, system, bad, 'force.yaml'));
    expect(problems.map((each) => each.field)).toEqual(['force.yaml line 16, actions.0.statuses.0.evidence']);
    const fixed = bad.replace('evidence: ""', 'evidence: Launch meeting');
    const later = await refusal(loadDeliveryFile(services.delivery, system, fixed, 'force.yaml'));
    expect(later.map((each) => each.field)).toEqual([
      'force.yaml line 11, actions.0.dueOn',
      'force.yaml line 12, actions.0.aims.1',
      'force.yaml line 17, actions.0.statuses.1.recovery',
    ]);
    expect((await services.delivery.listPlansFor(system)).map(({ plan }) => plan.owner)).toEqual(['opcc']);

    const good = fixed
      .replace('dueOn: 2025-04-01', 'dueOn: 2025-12-31')
      .replace(', NOPE.A9', '')
      .replace('evidence: Slipped\n', 'evidence: Slipped\n        recovery: Extra staff\n');
    expect((await loadDeliveryFile(services.delivery, system, good, 'force.yaml')).changes).toBe(4);
    expect((await loadDeliveryFile(services.delivery, system, good, 'force.yaml')).changes).toBe(0);
    const rewritten = good.replace('evidence: Launch meeting', 'evidence: Something else');
    const clash = await refusal(loadDeliveryFile(services.delivery, system, rewritten, 'force.yaml'));
    expect(clash[0]?.field).toBe('force.yaml line 14, actions.0.statuses.0');
    expect(clash[0]?.message).toContain('never rewritten');
  });
});
