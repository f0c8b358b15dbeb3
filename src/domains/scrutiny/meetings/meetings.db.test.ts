import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../../../composition.ts';
import { PROJECT_ROOT } from '../../../kernel/assets/build-assets.ts';
import { systemActor } from '../../../kernel/auth/actor.ts';
import { tokenHolding } from '../../../kernel/auth/auth.testing.ts';
import { londonDateTimeToInstant } from '../../../kernel/calendar/index.ts';
import { ForbiddenError, ValidationError } from '../../../kernel/errors.ts';
import { TEST_URLS, useTestServices } from '../../../kernel/testing/test-app.ts';
import { testEngines } from '../../../kernel/testing/test-database.ts';
import { createTestBody } from '../../accounts/accounts.testing.ts';
import { seedDemoScrutiny } from '../scrutiny.demo.ts';
import { createScrutinyService, type ScrutinyService } from '../scrutiny.service.ts';
import type { PanelFile } from './panel.file-schema.ts';
import { parsePanelFile } from './panel.files.ts';

const demoText = fs.readFileSync(
  path.join(PROJECT_ROOT, 'data/demo/scrutiny/thames-valley-panel.yaml'),
  'utf8',
);
const system = systemActor('test');

/** A scrutiny officer of one body, as the policy sees them. */
const officerOf = (bodyId: number) => tokenHolding('scrutiny-officer', bodyId);

/** A small panel: 5 clear working days' notice, one question per person, 200 characters. */
function testPanel(slug: string): PanelFile {
  return parsePanelFile(`
format: peelian-scrutiny/1
body: ${slug}
questionRules: { noticeDays: 5, noticeKind: clear-working-days, maxQuestionsPerPerson: 1, maxQuestionLength: 200 }
members:
  - { name: A Chair, role: chair, nominatingAuthority: Reading Borough Council }
meetings:
  - title: Winter meeting
    date: 2027-01-08
    time: '10:00'
    venue: Town Hall
    status: agenda-published
    agenda:
      - { position: 1, title: Apologies }
`);
}

describe.each(testEngines())('scrutiny on %s', (engine) => {
  const fixture = useTestServices(engine);
  const { database } = fixture;
  let panelId: number;
  let clock: Date;
  let scrutiny: ScrutinyService;

  const count = async (table: string, where = 'true') =>
    (
      await database.current.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`,
      )
    )[0]?.n;

  const messagesTo = (recipient: string) =>
    database.current.sql.query<{ subject: string; body_text: string }>(
      'SELECT subject, body_text FROM outbox_message WHERE recipient = $1 ORDER BY id',
      [recipient],
    );

  beforeAll(async () => {
    await createTestBody(database.current.db, 'thames-valley-panel', 'scrutiny-panel');
    await createTestBody(database.current.db, 'thames-valley-pcc', 'policing-body');
    panelId = await createTestBody(database.current.db, 'test-panel', 'scrutiny-panel');
    await createTestBody(database.current.db, 'other-panel', 'scrutiny-panel');
    clock = new Date('2026-12-01T12:00:00Z');
    scrutiny = createScrutinyService({
      db: database.current.db,
      policy,
      now: () => clock,
      findBody: fixture.services.users.findBody,
      listBodies: fixture.services.users.listBodies,
      baseUrl: TEST_URLS.baseUrl,
    });
    await scrutiny.importPanelFile(system, testPanel('test-panel'));
  });

  it('loads the demo panel file, and loading it again changes and audits nothing', async () => {
    const file = parsePanelFile(demoText);
    const first = await fixture.services.scrutiny.importPanelFile(system, file);
    expect(first).toMatchObject({ members: 19, meetings: 2 });
    expect(first.changes).toBeGreaterThan(30);
    const audits = await count('audit_event');
    const second = await fixture.services.scrutiny.importPanelFile(system, file);
    expect(second.changes).toBe(0);
    expect(await count('audit_event')).toBe(audits);
    expect(await count('scrutiny_member')).toBe(20);
  });

  it('the demo seeder loads data/demo/scrutiny and is safe to run again', async () => {
    expect(await seedDemoScrutiny(fixture.services.scrutiny, system)).toMatchObject({
      panelMembers: 19,
      // The panel's two, and the Commissioner's demonstration accountability meeting.
      meetings: 3,
      groups: 4,
      minuteItems: 9,
      recommendations: 20,
      workProgrammeEntries: 6,
      attendanceRecords: 1,
    });
    const audits = await count('audit_event');
    await seedDemoScrutiny(fixture.services.scrutiny, system);
    expect(await count('audit_event')).toBe(audits);
    expect(await count('meeting', "title LIKE 'Thames Valley Police and Crime Panel, %'")).toBe(2);
  });

  it('reads a demo meeting with its agenda in order and the Thames Valley question deadline', async () => {
    const entries = await fixture.services.scrutiny.listMeetings(system);
    const december = entries.find((entry) => entry.meeting.title.includes('16 December 2016'));
    expect(december).toBeDefined();
    const read = await fixture.services.scrutiny.readMeeting(system, december?.meeting.id ?? 0);
    expect(read.items.map((item) => item.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(read.items[3]).toMatchObject({ title: 'Public Question Time', slotTime: '11:05' });
    expect(read.deadline?.iso).toBe('2016-12-13T23:59:59+00:00');
    expect(read.window.open).toBe(false);
    expect(read.meeting.startsAt.toISOString()).toBe('2016-12-16T11:00:00.000Z');
  });

  it('rejects a panel file with two agenda items of the same number, naming the place', () => {
    const text = demoText.replace(
      '{ position: 2, title: Declarations of Interest }',
      '{ position: 1, title: Twice }',
    );
    expect(() => parsePanelFile(text, 'tv.yaml')).toThrow(
      /meetings\.1\.agenda\.1\.position: item 1 appears twice/,
    );
  });

  it('takes a question in time, and refuses a late one naming the deadline, with nothing saved', async () => {
    const meeting = (await scrutiny.listMeetings(system)).find(
      (entry) => entry.meeting.title === 'Winter meeting',
    );
    const meetingId = meeting?.meeting.id ?? 0;
    // 5 clear working days before Friday 8 January 2027, skipping New Year's Day and the weekend: the clear
    // days are 31 December and 4 to 7 January, so the last day to send is Wednesday 30 December.
    expect(meeting?.deadline?.lastDay).toBe('2026-12-30');
    clock = new Date('2026-12-30T23:59:00Z');
    const { id } = await scrutiny.submitQuestion(meetingId, {
      name: 'Ada Asker',
      email: 'ada@example.org',
      text: 'How many officers patrol on foot?',
    });
    expect(id).toBeGreaterThan(0);
    expect(await count('audit_event', `record_type = 'public_question' AND record_id = '${id}'`)).toBe(1);
    const audit = await database.current.sql.query<{ after: unknown }>(
      `SELECT after FROM audit_event WHERE record_type = 'public_question' AND record_id = '${id}'`,
    );
    expect(JSON.stringify(audit[0]?.after)).not.toContain('ada@example.org');
    // The asker is told, through the outbox, that the question arrived and what happens next.
    expect(await messagesTo('ada@example.org')).toEqual([
      expect.objectContaining({
        subject: 'Your question for Winter meeting has been received',
        body_text: expect.stringContaining('How many officers patrol on foot?'),
      }),
    ]);

    clock = new Date('2026-12-31T00:00:00Z');
    const before = await count('public_question');
    await expect(
      scrutiny.submitQuestion(meetingId, { name: 'Late', email: 'late@example.org', text: 'Too late?' }),
    ).rejects.toThrow(/had to be sent by 11:59pm on Wednesday 30 December 2026/);
    expect(await count('public_question')).toBe(before);
    expect(await messagesTo('late@example.org')).toEqual([]);
  });

  it('refuses a question over the panel’s length, and a second one from the same person', async () => {
    clock = new Date('2026-12-10T12:00:00Z');
    const meetingId =
      (await scrutiny.listMeetings(system)).find((entry) => entry.meeting.title === 'Winter meeting')?.meeting
        .id ?? 0;
    const before = await count('public_question');
    const long = scrutiny.submitQuestion(meetingId, {
      name: 'Bo',
      email: 'bo@example.org',
      text: 'x'.repeat(201),
    });
    await expect(long).rejects.toThrow(ValidationError);
    await expect(long).rejects.toThrow(/text: Question must be 200 characters or fewer/);
    const again = scrutiny.submitQuestion(meetingId, {
      name: 'Ada',
      email: 'ada@example.org',
      text: 'Another?',
    });
    await expect(again).rejects.toThrow(/email: Test body test-panel allows 1 question per person/);
    expect(await count('public_question')).toBe(before);
  });

  it('creates a meeting for an officer of the panel only, never in the past nor twice at one time', async () => {
    clock = new Date('2026-12-01T12:00:00Z');
    const officer = officerOf(panelId);
    const form = {
      panel: 'test-panel',
      title: 'Spring meeting',
      date: '2027-03-05',
      time: '11:00',
      venue: 'Hall',
    };
    const { id } = await scrutiny.createMeeting(officer, form);
    const read = await scrutiny.readMeeting(officer, id);
    expect(read.meeting.startsAt).toEqual(londonDateTimeToInstant('2027-03-05', '11:00'));
    expect(read.canManage).toBe(true);
    expect(await count('audit_event', `record_type = 'meeting' AND record_id = '${id}'`)).toBe(1);

    await expect(scrutiny.createMeeting(officer, form)).rejects.toThrow(
      /time: Test body test-panel already has a meeting/,
    );
    await expect(scrutiny.createMeeting(officer, { ...form, date: '2026-11-30' })).rejects.toThrow(
      /date: The date of the meeting must be in the future/,
    );
    const otherPanel = (await fixture.services.users.findBody('other-panel'))?.id ?? 0;
    await expect(scrutiny.createMeeting(officerOf(otherPanel), form)).rejects.toThrow(ForbiddenError);
    expect(await count('meeting', "title = 'Spring meeting'")).toBe(1);
  });

  it('adds agenda items, refusing a number already used, with nothing saved', async () => {
    const officer = officerOf(panelId);
    const meetingId =
      (await scrutiny.listMeetings(system)).find((entry) => entry.meeting.title === 'Winter meeting')?.meeting
        .id ?? 0;
    const item = {
      position: 2,
      slotTime: '10:10',
      title: 'Budget',
      purpose: null,
      lead: 'PCC',
      exemptParagraph: null,
    };
    await scrutiny.addAgendaItem(officer, meetingId, item);
    const before = await count('agenda_item');
    await expect(scrutiny.addAgendaItem(officer, meetingId, { ...item, title: 'Clash' })).rejects.toThrow(
      /position: Item 2 is already on this agenda/,
    );
    expect(await count('agenda_item')).toBe(before);
    await expect(scrutiny.addAgendaItem(systemActor('x'), 999_999, item)).rejects.toThrow(/no such meeting/);
  });

  it('accepts, rejects with a reason, or refers a question, audited; only the panel’s officer may', async () => {
    const officer = officerOf(panelId);
    const meetingId =
      (await scrutiny.listMeetings(system)).find((entry) => entry.meeting.title === 'Winter meeting')?.meeting
        .id ?? 0;
    const { questions } = await scrutiny.listQuestions(officer, meetingId);
    const question = questions[0];
    expect(question?.askerEmail).toBe('ada@example.org');
    const questionId = question?.id ?? 0;
    await expect(
      scrutiny.decideQuestion(officer, meetingId, questionId, { status: 'rejected', reason: null }),
    ).rejects.toThrow(/reason: Enter the reason/);
    await scrutiny.decideQuestion(officer, meetingId, questionId, {
      status: 'referred-to-force',
      reason: null,
    });
    await scrutiny.decideQuestion(officer, meetingId, questionId, {
      status: 'rejected',
      reason: 'Not about the PCC',
    });
    const after = (await scrutiny.listQuestions(officer, meetingId)).questions[0];
    expect(after).toMatchObject({ status: 'rejected', reason: 'Not about the PCC' });
    // Each decision is sent to the asker, with the reason for a rejection; the refused one sent nothing.
    const decisions = (await messagesTo('ada@example.org')).slice(1);
    expect(decisions.map((message) => message.subject)).toEqual([
      'Your question for Winter meeting: referred to the police force',
      'Your question for Winter meeting: not accepted',
    ]);
    expect(decisions[1]?.body_text).toContain('Not about the PCC');
    expect(
      await count('audit_event', `record_type = 'public_question' AND record_id = '${questionId}'`),
    ).toBe(3);
    const otherPanel = (await fixture.services.users.findBody('other-panel'))?.id ?? 0;
    await expect(scrutiny.listQuestions(officerOf(otherPanel), meetingId)).rejects.toThrow(ForbiddenError);
  });

  it('offers the coming question deadlines to the statutory calendar', async () => {
    clock = new Date('2026-12-01T12:00:00Z');
    const deadlines = await scrutiny.upcomingDeadlines(system);
    expect(deadlines.map((deadline) => deadline.date)).toContain('2026-12-30');
    expect(deadlines.every((deadline) => deadline.date >= '2026-12-01')).toBe(true);
  });
});
