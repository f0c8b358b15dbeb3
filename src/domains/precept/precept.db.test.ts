import { beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { ConflictError, ValidationError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { TEST_URLS } from '../../kernel/testing/test-app.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import {
  IssueFormSchema,
  ProposalFormSchema,
  ReportFormSchema,
  ResponseFormSchema,
  RevisedReportFormSchema,
} from './precept.schemas.ts';
import { createPreceptFixture, PROPOSAL, voteFields } from './precept.testing.ts';

const system = systemActor('test');

/** The field errors a refused call gave, or fails. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

describe.each(testEngines())('the precept process, on %s', (engine) => {
  const database = useTestDatabase(engine);
  let services: Services;
  let fixture: Awaited<ReturnType<typeof createPreceptFixture>>;
  const target = (body: string) => ({ body, year: 2026 });

  const report = (fields: Record<string, unknown>) =>
    parseInput(ReportFormSchema, {
      meeting: String(fixture.meetingId),
      'reportedOn-day': '5',
      'reportedOn-month': '2',
      'reportedOn-year': '2026',
      ...fields,
    });

  async function auditCount(office: string) {
    const year = await services.precept.readYear(system, target(office));
    const rows = await database.current.db
      .selectFrom('auditEvent')
      .select('id')
      .where('recordType', '=', 'precept_year')
      .where('recordId', '=', String(year.year.id))
      .execute();
    return rows.length;
  }

  async function propose(office: string) {
    fixture = await createPreceptFixture(database.current, services, office);
    await services.precept.proposePrecept(system, parseInput(ProposalFormSchema, PROPOSAL(office)));
  }

  beforeAll(() => {
    services = buildServices(database.current, TEST_URLS);
  });

  it('refuses a veto without two-thirds of the membership at the time, saving nothing', async () => {
    await propose('two-thirds-office');
    const ten = await refusal(
      services.precept.reportOnProposal(
        system,
        target('two-thirds-office'),
        report({ decision: 'veto', vetoReason: 'too-high', ...voteFields(fixture.members, 10) }),
      ),
    );
    // Ten members present, all for the veto: all of those voting, but not two-thirds of the twenty members.
    expect(ten).toEqual([{ field: 'decision', message: expect.stringContaining('Sch 5 para 4(4)') }]);
    expect(ten[0]?.message).toContain('14 votes (20 × 2 ÷ 3 = 13⅓, rounded up). 10 members voted for it');
    const thirteen = await refusal(
      services.precept.reportOnProposal(
        system,
        target('two-thirds-office'),
        report({ decision: 'veto', vetoReason: 'too-high', ...voteFields(fixture.members, 13, 'against') }),
      ),
    );
    expect(thirteen[0]?.field).toBe('decision');
    const read = await services.precept.readYear(system, target('two-thirds-office'));
    expect(read.year.reportedOn).toBeNull();
    expect(read.year.votes).toEqual([]);
    expect(await auditCount('two-thirds-office')).toBe(1);

    await services.precept.reportOnProposal(
      system,
      target('two-thirds-office'),
      report({ decision: 'veto', vetoReason: 'too-high', ...voteFields(fixture.members, 14, 'against') }),
    );
    const vetoed = await services.precept.readYear(system, target('two-thirds-office'));
    expect(vetoed.year.panelDecision).toBe('veto');
    expect(vetoed.membersAtDecision).toBe(20);
    expect(vetoed.year.votes.filter((vote) => vote.vote === 'for')).toHaveLength(14);
    expect(await auditCount('two-thirds-office')).toBe(2);
  });

  it('refuses a vote by someone not a member at the time, naming them, and a member left out', async () => {
    await propose('member-office');
    const errors = await refusal(
      services.precept.reportOnProposal(
        system,
        target('member-office'),
        report({
          decision: 'accept',
          ...voteFields(fixture.members.slice(1), 19),
          [`vote-${fixture.former.id}`]: 'for',
        }),
      ),
    );
    expect(errors).toEqual([
      {
        field: `vote-${fixture.former.id}`,
        message:
          'Former Member was not a member of Test body member-office-panel on 5 February 2026, so cannot vote',
      },
      { field: `vote-${fixture.members[0]?.id}`, message: 'Select how Member 01 voted' },
    ]);
    expect((await services.precept.readYear(system, target('member-office'))).year.votes).toEqual([]);
  });

  it('keeps the steps in statutory order', async () => {
    await propose('order-office');
    const early = await refusal(
      services.precept.reportOnProposal(
        system,
        target('order-office'),
        report({
          meeting: '',
          'reportedOn-day': '20',
          'reportedOn-month': '1',
          decision: 'accept',
          ...voteFields(fixture.members, 20),
        }),
      ),
    );
    expect(early).toEqual([
      { field: 'reportedOn', message: expect.stringContaining('cannot be before 28 January 2026') },
    ]);
    await expect(
      services.precept.respondToReport(
        system,
        target('order-office'),
        parseInput(ResponseFormSchema, { revised: '£240', respondedOn: '2026-02-10' }),
      ),
    ).rejects.toBeInstanceOf(ConflictError);
    const issueEarly = await refusal(
      services.precept.issuePrecept(
        system,
        target('order-office'),
        parseInput(IssueFormSchema, { final: '£250', issuedOn: '2026-02-20' }),
      ),
    );
    expect(issueEarly[0]?.message).toContain('Sch 5 para 1');
  });

  it('holds the revised precept to the direction of the veto (reg 5(3)) and the proposed one back (para 6(2))', async () => {
    await propose('revised-office');
    const office = target('revised-office');
    await services.precept.reportOnProposal(
      system,
      office,
      report({ decision: 'veto', vetoReason: 'too-high', ...voteFields(fixture.members, 15) }),
    );
    const higher = await refusal(
      services.precept.respondToReport(
        system,
        office,
        parseInput(ResponseFormSchema, { revised: '£251.00', respondedOn: '2026-02-12' }),
      ),
    );
    expect(higher).toEqual([{ field: 'revised', message: expect.stringContaining('must be lower') }]);
    expect(higher[0]?.message).toContain('reg 5(3)(a)');
    const before = await refusal(
      services.precept.respondToReport(
        system,
        office,
        parseInput(ResponseFormSchema, { revised: '£245.00', respondedOn: '2026-02-01' }),
      ),
    );
    expect(before[0]?.field).toBe('respondedOn');
    await services.precept.respondToReport(
      system,
      office,
      parseInput(ResponseFormSchema, { revised: '£245.00', respondedOn: '2026-02-16', summary: 'Lowered.' }),
    );
    await services.precept.reportOnRevised(
      system,
      office,
      parseInput(RevisedReportFormSchema, { reportedOn: '2026-02-20' }),
    );
    const proposed = await refusal(
      services.precept.issuePrecept(
        system,
        office,
        parseInput(IssueFormSchema, { final: '£250', issuedOn: '2026-02-25' }),
      ),
    );
    expect(proposed[0]?.message).toContain('para 6(2)');
    await services.precept.issuePrecept(
      system,
      office,
      parseInput(IssueFormSchema, { final: '£245', issuedOn: '2026-02-25' }),
    );
    const done = (await services.precept.readYear(system, office)).year;
    expect([done.revisedPence, done.finalPence, done.respondedOn]).toEqual([24_500, 24_500, '2026-02-16']);
    expect(await auditCount('revised-office')).toBe(5);
  });

  it('puts the steps still to come on the statutory calendar', async () => {
    await propose('calendar-office');
    const deadlines = await services.precept.upcomingDeadlines(system);
    const ours = deadlines.filter((each) => each.uid.startsWith(`precept-${fixture.officeId}-2026`));
    expect(ours.map((each) => [each.date, each.basis])).toEqual([
      ['2026-02-08', 'PRSRA 2011 Sch 5 para 3; SI 2012/2271 reg 4(1): by 8 February'],
      ['2026-03-01', 'SI 2012/2271 reg 7; Local Government Finance Act 1992 s40: by 1 March'],
    ]);
  });
});
