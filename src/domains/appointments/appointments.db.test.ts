import { beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { ConflictError, ValidationError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { TEST_URLS } from '../../kernel/testing/test-app.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createPreceptFixture, voteFields } from '../precept/precept.testing.ts';
import { ProposalFormSchema, ReportFormSchema, ResponseFormSchema } from './appointments.schemas.ts';
import { APPOINTMENT, REPORT } from './appointments.testing.ts';

const system = systemActor('test');

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

describe.each(testEngines())('confirmation hearings, on %s', (engine) => {
  const database = useTestDatabase(engine);
  let services: Services;
  let fixture: Awaited<ReturnType<typeof createPreceptFixture>>;
  const OFFICE = 'hearings-office';

  async function propose(post: string) {
    const form = parseInput(ProposalFormSchema, APPOINTMENT(OFFICE, post));
    return services.appointments.proposeAppointment(system, form);
  }
  const report = (fields: Record<string, unknown>) =>
    parseInput(ReportFormSchema, REPORT(fixture.meetingId, fields));

  async function auditCount(id: number) {
    const rows = await database.current.db
      .selectFrom('auditEvent')
      .select('id')
      .where('recordType', '=', 'appointment')
      .where('recordId', '=', String(id))
      .execute();
    return rows.length;
  }

  beforeAll(async () => {
    services = buildServices(database.current, TEST_URLS);
    fixture = await createPreceptFixture(database.current, services, OFFICE);
  });

  it('refuses a chief constable’s veto short of two-thirds of the membership, then records one that has it', async () => {
    const target = await propose('chief-constable');
    const short = await refusal(
      services.appointments.reportOnAppointment(
        system,
        target,
        report({ decision: 'veto', ...voteFields(fixture.members, 13, 'absent') }),
      ),
    );
    expect(short).toEqual([
      { field: 'decision', message: expect.stringContaining('PRSRA 2011 Sch 8 para 5') },
    ]);
    expect(short[0]?.message).toContain('14 votes (20 × 2 ÷ 3 = 13⅓, rounded up). 13 members voted for it');
    expect((await services.appointments.readAppointment(system, target)).appointment.reportedOn).toBeNull();
    expect(await auditCount(target.id)).toBe(1);

    await services.appointments.reportOnAppointment(
      system,
      target,
      report({ decision: 'veto', ...voteFields(fixture.members, 14, 'against') }),
    );
    const read = await services.appointments.readAppointment(system, target);
    expect(read.appointment.vetoed).toBe(true);
    expect(read.appointment.recommendation).toBeNull();
    expect(read.membersAtHearing).toBe(20);
    expect(read.end.text).toContain('must not be appointed');
    expect(await auditCount(target.id)).toBe(2);
    const response = services.appointments.respondToReport(
      system,
      target,
      parseInput(ResponseFormSchema, { response: 'accept', respondedOn: '2026-02-06' }),
    );
    await expect(response).rejects.toBeInstanceOf(ConflictError);
  });

  it('refuses a veto for a post the law gives none, and a vote by a former member, saving nothing', async () => {
    const target = await propose('chief-finance-officer');
    const veto = await refusal(
      services.appointments.reportOnAppointment(
        system,
        target,
        report({ decision: 'veto', ...voteFields(fixture.members, 20) }),
      ),
    );
    expect(veto).toEqual([
      {
        field: 'decision',
        message: expect.stringContaining('cannot veto the appointment of a chief finance officer'),
      },
    ]);
    const stranger = await refusal(
      services.appointments.reportOnAppointment(
        system,
        target,
        report({
          decision: 'appoint',
          ...voteFields(fixture.members, 20),
          [`vote-${fixture.former.id}`]: 'for',
        }),
      ),
    );
    expect(stranger).toEqual([
      {
        field: `vote-${fixture.former.id}`,
        message: expect.stringContaining('Former Member was not a member'),
      },
    ]);
    const read = await services.appointments.readAppointment(system, target);
    expect(read.appointment.reportedOn).toBeNull();
    expect(read.appointment.votes).toEqual([]);
  });

  it('refuses dates out of order and a veto after the three weeks', async () => {
    const early = await refusal(
      services.appointments.reportOnAppointment(
        system,
        await services.appointments.proposeAppointment(
          system,
          parseInput(ProposalFormSchema, {
            ...APPOINTMENT(OFFICE),
            'notifiedOn-day': '10',
            'notifiedOn-month': '2',
          }),
        ),
        report({ decision: 'appoint', ...voteFields(fixture.members, 20) }),
      ),
    );
    expect(early.map((each) => each.field)).toEqual(['meeting']);
    const late = await propose('chief-constable');
    const afterward = await refusal(
      services.appointments.reportOnAppointment(
        system,
        late,
        report({ decision: 'veto', 'reportedOn-day': '16', ...voteFields(fixture.members, 20) }),
      ),
    );
    expect(afterward[0]?.message).toContain('ended on 15 February 2026');
  });

  it('records a recommendation and the Commissioner’s notice, which ends the process', async () => {
    const target = await propose('deputy-commissioner');
    await services.appointments.reportOnAppointment(
      system,
      target,
      report({ decision: 'do-not-appoint', ...voteFields(fixture.members, 11, 'against') }),
    );
    const refused = await refusal(
      services.appointments.respondToReport(
        system,
        target,
        parseInput(ResponseFormSchema, { response: 'reject', respondedOn: '2026-02-04' }),
      ),
    );
    expect(refused.map((each) => each.field)).toEqual(['respondedOn']);
    await services.appointments.respondToReport(
      system,
      target,
      parseInput(ResponseFormSchema, { response: 'reject', respondedOn: '2026-02-09' }),
    );
    const read = await services.appointments.readAppointment(system, target);
    expect(read.end).toMatchObject({ ended: true, on: '2026-02-09' });
    expect(read.appointment.votes.filter((vote) => vote.vote === 'for')).toHaveLength(11);
    expect(await auditCount(target.id)).toBe(3);
    const again = services.appointments.reportOnAppointment(
      system,
      target,
      report({ decision: 'appoint', ...voteFields(fixture.members, 20) }),
    );
    await expect(again).rejects.toBeInstanceOf(ConflictError);
  });
});
