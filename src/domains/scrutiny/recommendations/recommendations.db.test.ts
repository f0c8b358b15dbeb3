import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../kernel/assets/build-assets.ts';
import { ANONYMOUS, systemActor } from '../../../kernel/auth/actor.ts';
import { tokenHolding } from '../../../kernel/auth/auth.testing.ts';
import { ConflictError, ForbiddenError } from '../../../kernel/errors.ts';
import { useTestServices } from '../../../kernel/testing/test-app.ts';
import { testEngines } from '../../../kernel/testing/test-database.ts';
import { createTestBody } from '../../accounts/accounts.testing.ts';
import { parsePanelFile } from '../meetings/panel.files.ts';
import { parseRecordsFile } from '../records/records.files.ts';
import type { ScrutinyRecordsService } from '../records/records.service.ts';
import type { NewRecommendationForm } from '../scrutiny-records.schemas.ts';
import { addTestPanel, recordsServiceAt } from '../scrutiny-records.testing.ts';

const demo = (file: string) => fs.readFileSync(path.join(PROJECT_ROOT, 'data/demo/scrutiny', file), 'utf8');
const system = systemActor('test');
const NO_FILTER = { status: null, origin: null, overdue: null };

const testRecords = parseRecordsFile(`
format: peelian-scrutiny-records/1
body: ledger-panel
groups:
  - slug: safety-sub-committee
    name: Safety Sub-Committee
    kind: sub-committee
    termsOfReference: Looks at community safety.
    functions: [{ function: scrutiny, mode: delegated }]
  - slug: budget-group
    name: Budget Group
    kind: task-and-finish-group
    termsOfReference: Looks at the budget and reports to the panel.
    functions: [{ function: precept, mode: advisory }]
`);

describe.each(testEngines())('recommendations ledger on %s', (engine) => {
  const fixture = useTestServices(engine);
  const { database } = fixture;
  let records: ScrutinyRecordsService;
  let clock = new Date('2027-02-01T12:00:00Z');
  let panel: number;
  let meetingId: number;
  const groups: Record<string, number> = {};

  const statusOf = async (id: number) =>
    (await records.recommendations.readRecommendation(system, id)).recommendation;

  beforeAll(async () => {
    await createTestBody(database.current.db, 'thames-valley-panel', 'scrutiny-panel');
    await fixture.services.scrutiny.importPanelFile(system, parsePanelFile(demo('thames-valley-panel.yaml')));
    panel = await addTestPanel(
      fixture,
      'ledger-panel',
      "meetings: [{ title: Ledger meeting, date: 2027-01-15, time: '10:00', venue: Hall, status: held }]",
    );
    meetingId =
      (await fixture.services.scrutiny.listMeetings(system)).find(
        (entry) => entry.meeting.title === 'Ledger meeting',
      )?.meeting.id ?? 0;
    records = recordsServiceAt(fixture, () => clock);
    await records.importRecordsFile(system, testRecords);
    for (const { group } of await records.committees.listAll()) groups[group.slug] = group.id;
  });

  const newRecommendation = (overrides: Partial<NewRecommendationForm> = {}): NewRecommendationForm => ({
    meeting: meetingId,
    origin: 'panel',
    group: null,
    madeOn: null,
    function: null,
    topic: 'Response times',
    text: 'Publish response times for every area.',
    addressee: 'Police and Crime Commissioner',
    responseDueOn: '2027-03-31',
    ...overrides,
  });

  it('loads the CSE sub-committee’s recommendations from the demo with a status each, once', async () => {
    const first = await records.importRecordsFile(
      system,
      parseRecordsFile(demo('records/thames-valley-panel.yaml')),
    );
    expect(first).toMatchObject({ groups: 4, recommendations: 20, workProgrammeEntries: 6 });
    expect(
      (await records.importRecordsFile(system, parseRecordsFile(demo('records/thames-valley-panel.yaml'))))
        .changes,
    ).toBe(0);
    const ledger = await records.recommendations.listLedger(system, NO_FILTER);
    const status = (reference: string) => ledger.find((row) => row.reference === reference)?.status;
    expect(status('CSE-P3')).toBe('implemented');
    expect(status('CSE-P5')).toBe('in-progress');
    expect(status('CSE-P11')).toBe('closed');
    expect(status('CSE-2016-1')).toBe('no-deadline-set');
    expect(status('PCP-70')).toBe('no-deadline-set');
    const fromCse = await records.recommendations.listLedger(system, {
      ...NO_FILTER,
      origin: 'sub-committee',
    });
    expect(fromCse).toHaveLength(19);
    expect(
      fromCse.every((row) => row.groupName === 'Preventing Child Sexual Exploitation Sub-Committee'),
    ).toBe(true);
    const minute = ledger.find((row) => row.reference === 'PCP-70');
    expect(minute).toMatchObject({ origin: 'panel', minuteNumber: 70, overdue: false });
  });

  it('moves through response, actions and outcome; overdue follows the London date and the deadline', async () => {
    const officer = tokenHolding('scrutiny-officer', panel);
    const { id, reference } = await records.recommendations.createRecommendation(
      officer,
      newRecommendation(),
    );
    expect(reference).toBe('2027-1');
    expect(await statusOf(id)).toMatchObject({
      status: 'awaiting-response',
      overdue: false,
      madeOn: '2027-01-15',
    });

    // 23:30 on 31 March 2027 in UTC is already 1 April in London (summer time began on 28 March).
    clock = new Date('2027-03-31T22:30:00Z');
    expect(await statusOf(id)).toMatchObject({ status: 'awaiting-response', overdue: false });
    clock = new Date('2027-03-31T23:30:00Z');
    expect(await statusOf(id)).toMatchObject({ status: 'response-overdue', overdue: true });
    const overdue = await records.recommendations.listLedger(system, { ...NO_FILTER, overdue: true });
    expect(overdue.map((row) => row.reference)).toEqual(['2027-1']);
    expect(
      (await records.recommendations.listLedger(system, { ...NO_FILTER, status: 'response-overdue' })).length,
    ).toBe(1);
    expect((await records.recommendations.listLedger(system, { ...NO_FILTER, overdue: false })).length).toBe(
      20,
    );

    await expect(
      records.recommendations.recordResponse(officer, id, {
        response: 'partly-accepted',
        responseText: 'Times will be published for each policing area.',
        respondedOn: '2027-05-01',
      }),
    ).rejects.toMatchObject({
      fieldErrors: [{ field: 'respondedOn', message: 'The date of the response cannot be in the future' }],
    });
    await expect(
      records.recommendations.recordResponse(officer, id, {
        response: 'partly-accepted',
        responseText: 'Times will be published for each policing area.',
        respondedOn: '2027-01-01',
      }),
    ).rejects.toThrow(/cannot be before the recommendation was made, on 15 January 2027/);
    await records.recommendations.recordResponse(officer, id, {
      response: 'partly-accepted',
      responseText: 'Times will be published for each policing area.',
      respondedOn: '2027-03-20',
    });
    expect(await statusOf(id)).toMatchObject({
      status: 'responded',
      overdue: false,
      response: 'partly-accepted',
    });

    await records.recommendations.addAction(officer, id, {
      text: 'Publish the first quarter’s times',
      owner: 'Chief Constable',
      dueOn: '2027-04-30',
    });
    expect(await statusOf(id)).toMatchObject({ status: 'in-progress', overdue: false });
    clock = new Date('2027-05-02T09:00:00Z');
    expect(await statusOf(id)).toMatchObject({ status: 'in-progress', overdue: true });
    await records.recommendations.addProgress(officer, id, {
      reportedOn: '2027-05-01',
      text: 'Published for two areas.',
    });

    await expect(
      records.recommendations.addProgress(tokenHolding('panel-member', panel), id, {
        reportedOn: '2027-05-01',
        text: 'x',
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      records.recommendations.addProgress(ANONYMOUS, id, { reportedOn: '2027-05-01', text: 'x' }),
    ).rejects.toBeInstanceOf(ForbiddenError);

    await records.recommendations.recordOutcome(officer, id, {
      outcome: 'implemented',
      outcomeText: 'Published for every area.',
      outcomeOn: '2027-05-02',
    });
    const read = await records.recommendations.readRecommendation(officer, id);
    expect(read.recommendation).toMatchObject({ status: 'implemented', overdue: false });
    expect(read.progress.map((update) => update.text)).toEqual(['Published for two areas.']);
    expect(read.actions).toHaveLength(1);
    await expect(
      records.recommendations.addProgress(officer, id, { reportedOn: '2027-05-02', text: 'More.' }),
    ).rejects.toBeInstanceOf(ConflictError);
    const audited = await database.current.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE record_type LIKE 'recommendation%' AND actor_kind = 'token'`,
    );
    expect(audited[0]?.n).toBe(5);
  });

  it('refuses to let a sub-committee or task-and-finish group make a recommendation in a reserved function', async () => {
    const officer = tokenHolding('scrutiny-officer', panel);
    await expect(
      records.recommendations.createRecommendation(
        officer,
        newRecommendation({
          origin: 'task-and-finish-group',
          group: groups['budget-group'] ?? 0,
          function: 'precept',
        }),
      ),
    ).rejects.toMatchObject({
      fieldErrors: [
        {
          field: 'function',
          message: expect.stringContaining(
            'A task-and-finish group cannot discharge reviewing the proposed precept (Schedule 5): the Police Reform and Social Responsibility Act 2011, Schedule 6 paragraph 27, keeps it for the full panel',
          ),
        },
      ],
    });
    // The full panel may; a group may on a function that is not reserved.
    await records.recommendations.createRecommendation(officer, newRecommendation({ function: 'precept' }));
    await records.recommendations.createRecommendation(
      officer,
      newRecommendation({
        origin: 'sub-committee',
        group: groups['safety-sub-committee'] ?? 0,
        function: 'scrutiny',
      }),
    );
    // A group of the wrong kind, or none, is refused on the group field.
    await expect(
      records.recommendations.createRecommendation(
        officer,
        newRecommendation({ origin: 'sub-committee', group: groups['budget-group'] ?? 0 }),
      ),
    ).rejects.toMatchObject({
      fieldErrors: [{ field: 'group', message: 'Select a sub-committee of the panel' }],
    });
    // The database holds the same rule, whatever writes to it.
    await expect(
      database.current.sql.query(
        `WITH r AS (INSERT INTO recommendation (body_id, reference, origin, text, addressee)
                    VALUES (${panel}, 'direct-1', 'task-and-finish-group', 'x', 'PCC') RETURNING id, body_id, origin)
         INSERT INTO scrutiny_recommendation_source (recommendation_id, body_id, origin, group_id, function)
         SELECT id, body_id, origin, ${groups['budget-group']}, 'annual-report' FROM r`,
      ),
    ).rejects.toThrow(/special_functions_stay_with_the_full_panel/);
  });

  it('refuses a file that has a group make a recommendation in a reserved function, saving nothing', async () => {
    const before = (await records.recommendations.listLedger(system, NO_FILTER)).length;
    const file = parseRecordsFile(`
format: peelian-scrutiny-records/1
body: ledger-panel
recommendations:
  - { reference: F-1, origin: panel, meeting: 2027-01-15, text: Fine., addressee: PCC }
  - { reference: F-2, origin: sub-committee, group: safety-sub-committee, function: confirmation-hearing, text: Not allowed., addressee: PCC }
`);
    await expect(records.importRecordsFile(system, file)).rejects.toMatchObject({
      fieldErrors: [
        { field: 'recommendations.1.function', message: expect.stringContaining('Schedule 6 paragraph 27') },
      ],
    });
    expect((await records.recommendations.listLedger(system, NO_FILTER)).length).toBe(before);
  });

  it('takes recommendations from an inspection or an audit, which name their report instead of a meeting', async () => {
    const file = (sourceTitle: string) =>
      parseRecordsFile(`
format: peelian-scrutiny-records/1
body: ledger-panel
recommendations:
  - reference: HMI-1
    origin: inspection
    ${sourceTitle}
    madeOn: 2027-01-20
    text: Improve the recording of crimes reported by telephone.
    addressee: Chief Constable
    responseDue: 2027-03-17
`);
    expect(() => file('')).toThrow(/recommendations\.0\.sourceTitle: give the title of the report/);
    await records.importRecordsFile(system, file('sourceTitle: PEEL inspection 2027'));
    const inspections = await records.recommendations.listLedger(system, {
      ...NO_FILTER,
      origin: 'inspection',
    });
    expect(inspections).toEqual([
      expect.objectContaining({
        reference: 'HMI-1',
        sourceTitle: 'PEEL inspection 2027',
        groupId: null,
        meetingId: null,
      }),
    ]);
  });
});
