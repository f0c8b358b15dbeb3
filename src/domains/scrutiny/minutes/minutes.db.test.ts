import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../kernel/assets/build-assets.ts';
import { ANONYMOUS, systemActor } from '../../../kernel/auth/actor.ts';
import { tokenHolding } from '../../../kernel/auth/auth.testing.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../../kernel/errors.ts';
import { useTestServices } from '../../../kernel/testing/test-app.ts';
import { testEngines } from '../../../kernel/testing/test-database.ts';
import { createTestBody } from '../../accounts/accounts.testing.ts';
import { parsePanelFile } from '../meetings/panel.files.ts';
import { parseRecordsFile } from '../records/records.files.ts';
import type { ScrutinyRecordsService } from '../records/records.service.ts';
import { addTestPanel, recordsServiceAt } from '../scrutiny-records.testing.ts';

const demoPanel = fs.readFileSync(
  path.join(PROJECT_ROOT, 'data/demo/scrutiny/thames-valley-panel.yaml'),
  'utf8',
);
const demoRecords = fs.readFileSync(
  path.join(PROJECT_ROOT, 'data/demo/scrutiny/records/thames-valley-panel.yaml'),
  'utf8',
);
const system = systemActor('test');

/** Three past meetings and one to come, for a panel whose minutes the tests write. */
const testPanelMeetings = `
meetings:
  - { title: January meeting, date: 2027-01-15, time: '10:00', venue: Hall, status: held, agenda: [{ position: 1, title: Apologies }, { position: 2, title: Staffing, exemptParagraph: 1 }] }
  - { title: March meeting, date: 2027-03-12, time: '10:00', venue: Hall, status: agenda-published }
  - { title: May meeting, date: 2027-05-14, time: '10:00', venue: Hall, status: scheduled }
  - { title: Autumn meeting, date: 2027-10-01, time: '10:00', venue: Hall, status: scheduled }
`;

describe.each(testEngines())('minutes on %s', (engine) => {
  const fixture = useTestServices(engine);
  const { database } = fixture;
  let records: ScrutinyRecordsService;
  let tv: number;
  let panel: number;
  let other: number;
  const meetings: Record<string, number> = {};

  const count = async (table: string) =>
    (await database.current.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n;

  beforeAll(async () => {
    tv = await createTestBody(database.current.db, 'thames-valley-panel', 'scrutiny-panel');
    await fixture.services.scrutiny.importPanelFile(system, parsePanelFile(demoPanel));
    panel = await addTestPanel(fixture, 'minutes-panel', testPanelMeetings);
    other = await addTestPanel(
      fixture,
      'other-minutes-panel',
      "meetings: [{ title: Other panel meeting, date: 2027-02-01, time: '10:00', venue: Elsewhere, status: held }]",
    );
    for (const { meeting } of await fixture.services.scrutiny.listMeetings(system))
      meetings[meeting.title] = meeting.id;
    records = recordsServiceAt(fixture, () => new Date('2027-06-01T12:00:00Z'));
  });

  const october = () => meetings['Thames Valley Police and Crime Panel, 21 October 2016'] ?? 0;
  const december = () => meetings['Thames Valley Police and Crime Panel, 16 December 2016'] ?? 0;

  it('loads the demo minutes of 21 October 2016 (items 67 to 75) as a draft; a second load changes nothing', async () => {
    const first = await records.importRecordsFile(system, parseRecordsFile(demoRecords));
    expect(first.minuteItems).toBe(9);
    expect(first.changes).toBeGreaterThan(9);
    const audits = await count('audit_event');
    const second = await records.importRecordsFile(system, parseRecordsFile(demoRecords));
    expect(second.changes).toBe(0);
    expect(await count('audit_event')).toBe(audits);
    const read = await records.minutes.readMinutes(system, october());
    expect(read.state).toBe('draft');
    expect(read.items.map((item) => item.number)).toEqual([67, 68, 69, 70, 71, 72, 73, 74, 75]);
    expect(read.items[4]?.actions).toEqual([
      expect.objectContaining({ owner: 'Chief Constable', position: 1, dueOn: null }),
    ]);
    expect(read.items[7]?.decisions.map((decision) => decision.kind)).toEqual(['noted', 'recommended']);
  });

  it('shows draft minutes to the panel’s members and officer only, never to the public or other bodies', async () => {
    const anonymous = await records.minutes.readMinutes(ANONYMOUS, october());
    expect(anonymous).toMatchObject({ state: 'draft', readable: false, items: [] });
    for (const outsider of [tokenHolding('opcc-officer', tv), tokenHolding('panel-member', other)])
      expect((await records.minutes.readMinutes(outsider, october())).items).toEqual([]);
    for (const insider of [tokenHolding('panel-member', tv), tokenHolding('scrutiny-officer', tv)])
      expect((await records.minutes.readMinutes(insider, october())).items).toHaveLength(9);
  });

  it('numbers the next meeting’s minutes on from the last (76 after 75), refusing a gap or a number in use', async () => {
    const officer = tokenHolding('scrutiny-officer', tv);
    expect((await records.minutes.readMinutes(officer, december())).nextNumber).toBe(76);
    const item = {
      title: 'Apologies for Absence',
      text: 'Apologies were received.',
      agendaItem: null,
      exemptParagraph: null,
    };
    await expect(records.minutes.addItem(officer, december(), { ...item, number: 77 })).rejects.toMatchObject(
      {
        fieldErrors: [{ field: 'number', message: expect.stringContaining('The next minute number is 76') }],
      },
    );
    await expect(records.minutes.addItem(officer, december(), { ...item, number: 75 })).rejects.toMatchObject(
      {
        fieldErrors: [
          { field: 'number', message: 'Minute 75 is already used in the minutes of 21 October 2016' },
        ],
      },
    );
    expect(await records.minutes.addItem(officer, december(), { ...item, number: 76 })).toMatchObject({
      number: 76,
    });
    expect((await records.minutes.readMinutes(officer, december())).nextNumber).toBe(77);
    // October's minutes can take no more items: 76 now belongs to December.
    await expect(records.minutes.addItem(officer, october(), { ...item, number: 76 })).rejects.toThrow(
      /Minute 76 is already used in the minutes of 16 December 2016/,
    );
    // Minuting a meeting records that it took place.
    const meeting = (await fixture.services.scrutiny.listMeetings(system)).find(
      (entry) => entry.meeting.id === december(),
    );
    expect(meeting?.meeting.status).toBe('held');
  });

  it('refuses, with nothing saved, a file whose minutes would leave a gap in the numbering', async () => {
    const before = await count('minute_item');
    const text = `
format: peelian-scrutiny-records/1
body: thames-valley-panel
minutes:
  - meeting: 2016-12-16
    items: [{ number: 76, title: Apologies for Absence, text: Apologies were received. }, { number: 78, title: Declarations of Interest, text: None. }]
`;
    await expect(records.importRecordsFile(system, parseRecordsFile(text))).rejects.toMatchObject({
      fieldErrors: [{ field: 'minutes', message: expect.stringContaining('skip a number') }],
    });
    const gapBetween = text
      .replace('{ number: 76, title: Apologies for Absence, text: Apologies were received. }, ', '')
      .replace('78', '80');
    await expect(records.importRecordsFile(system, parseRecordsFile(gapBetween))).rejects.toThrow(
      /minutes of 16 December 2016 must start at 76, after the last minute \(75\) of 21 October 2016, but start at 80/,
    );
    expect(await count('minute_item')).toBe(before);
  });

  it('names the field of bad file input: a number twice, an unknown meeting date', async () => {
    expect(() =>
      parseRecordsFile(`
format: peelian-scrutiny-records/1
body: thames-valley-panel
minutes: [{ meeting: 2016-10-21, items: [{ number: 1, title: A, text: B }, { number: 1, title: C, text: D }] }]
`),
    ).toThrow(/minutes\.0\.items\.1\.number: minute 1 appears twice/);
    const unknownDay = parseRecordsFile(`
format: peelian-scrutiny-records/1
body: thames-valley-panel
minutes: [{ meeting: 2016-11-01, items: [{ number: 1, title: A, text: B }] }]
`);
    await expect(records.importRecordsFile(system, unknownDay)).rejects.toThrow(
      /minutes\.0\.meeting: the panel has no meeting on 2016-11-01/,
    );
  });

  it('lets the panel approve minutes at a later meeting; then they are public, except exempt items, and fixed', async () => {
    const officer = tokenHolding('scrutiny-officer', panel);
    const january = meetings['January meeting'] ?? 0;
    const staffing = (await records.minutes.readMinutes(officer, january)).agendaItems.find(
      (item) => item.title === 'Staffing',
    );
    await records.minutes.addItem(officer, january, {
      number: 1,
      title: 'Apologies',
      text: 'None were received.',
      agendaItem: null,
      exemptParagraph: null,
    });
    await records.minutes.addItem(officer, january, {
      number: 2,
      title: 'Staffing',
      text: 'Private staffing detail zq81.',
      agendaItem: staffing?.id ?? null,
      exemptParagraph: null,
    });
    await records.minutes.addAction(
      officer,
      january,
      (await records.minutes.readMinutes(officer, january)).items[0]?.id ?? 0,
      {
        text: 'Write to the Commissioner',
        owner: 'PCC',
        dueOn: '2027-02-01',
      },
    );
    // Not at an earlier or another panel's meeting, nor one still to come.
    for (const [choice, message] of [
      [january, 'Select a later meeting of the same panel'],
      [meetings['Other panel meeting'] ?? 0, 'Select a later meeting of the same panel'],
      [meetings['Autumn meeting'] ?? 0, 'That meeting has not taken place yet'],
    ] as const)
      await expect(
        records.minutes.approve(officer, january, { approvingMeeting: choice }),
      ).rejects.toMatchObject({
        fieldErrors: [{ field: 'approvingMeeting', message }],
      });
    await expect(
      records.minutes.approve(tokenHolding('panel-member', panel), january, {
        approvingMeeting: meetings['March meeting'] ?? 0,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);

    await records.minutes.approve(officer, january, { approvingMeeting: meetings['March meeting'] ?? 0 });
    const visitor = await records.minutes.readMinutes(ANONYMOUS, january);
    expect(visitor.state).toBe('approved');
    expect(visitor.approvedAt?.title).toBe('March meeting');
    expect(visitor.items[0]?.actions[0]).toMatchObject({ owner: 'PCC', dueOn: '2027-02-01' });
    // The item minuted from an exempt agenda item stayed exempt: the public sees its title, not its content.
    expect(visitor.items[1]).toMatchObject({
      title: 'Staffing',
      withheld: true,
      text: null,
      exemptParagraph: 1,
    });
    expect(JSON.stringify(visitor)).not.toContain('zq81');
    expect(
      (await records.minutes.readMinutes(tokenHolding('panel-member', panel), january)).items[1]?.text,
    ).toContain('zq81');
    const statuses = Object.fromEntries(
      (await fixture.services.scrutiny.listMeetings(system)).map((entry) => [
        entry.meeting.title,
        entry.meeting.status,
      ]),
    );
    expect(statuses['January meeting']).toBe('minutes-approved');
    expect(statuses['March meeting']).toBe('held');
    await expect(
      records.minutes.addItem(officer, january, {
        number: 3,
        title: 'Late',
        text: 'Too late.',
        agendaItem: null,
        exemptParagraph: null,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      records.minutes.addDecision(officer, january, visitor.items[0]?.id ?? 0, {
        kind: 'noted',
        text: 'Too late.',
      }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('refuses minutes for a meeting still to come, and changes by anyone but the panel’s officer', async () => {
    const item = { number: 3, title: 'Apologies', text: 'None.', agendaItem: null, exemptParagraph: null };
    await expect(
      records.minutes.addItem(tokenHolding('scrutiny-officer', panel), meetings['Autumn meeting'] ?? 0, item),
    ).rejects.toBeInstanceOf(ConflictError);
    for (const actor of [
      ANONYMOUS,
      tokenHolding('panel-member', panel),
      tokenHolding('scrutiny-officer', other),
    ])
      await expect(
        records.minutes.addItem(actor, meetings['March meeting'] ?? 0, item),
      ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      records.minutes.addItem(tokenHolding('scrutiny-officer', panel), meetings['March meeting'] ?? 0, {
        ...item,
        agendaItem: 999_999,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});
