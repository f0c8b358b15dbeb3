import { beforeAll, describe, expect, it } from 'vitest';
import { buildServices, policy } from '../../composition.ts';
import { tokenHolding } from '../../kernel/auth/auth.testing.ts';
import { ForbiddenError } from '../../kernel/errors.ts';
import { TEST_URLS } from '../../kernel/testing/test-app.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestBody } from '../accounts/accounts.testing.ts';
import { parsePanelFile } from './meetings/panel.files.ts';
import { createScrutinyService, type ScrutinyService } from './scrutiny.service.ts';

const meeting = (body: string) => ({
  panel: body,
  title: 'Public accountability meeting',
  date: '2027-03-04',
  time: '10:00',
  venue: 'Kidlington',
});

describe.each(testEngines())('meetings of any body on %s', (engine) => {
  const database = useTestDatabase(engine);
  let scrutiny: ScrutinyService;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const services = buildServices(database.current, TEST_URLS);
    ids.pcc = await createTestBody(database.current.db, 'bodies-pcc', 'policing-body');
    ids.panel = await createTestBody(database.current.db, 'bodies-panel', 'scrutiny-panel');
    ids.audit = await createTestBody(database.current.db, 'bodies-audit', 'audit-committee');
    ids.board = await createTestBody(database.current.db, 'bodies-board', 'partnership-board');
    ids.council = await createTestBody(database.current.db, 'bodies-council', 'partner-organisation');
    scrutiny = createScrutinyService({
      db: database.current.db,
      policy,
      now: () => new Date('2026-12-01T12:00:00Z'),
      findBody: services.users.findBody,
      listBodies: services.users.listBodies,
      baseUrl: TEST_URLS.baseUrl,
    });
  });

  it('lets an OPCC officer run the policing body’s own meetings, and no other body’s', async () => {
    const opcc = tokenHolding('opcc-officer', ids.pcc as number);
    expect((await scrutiny.managedBodies(opcc, 'meetings')).map((body) => body.slug)).toEqual(['bodies-pcc']);
    const { id } = await scrutiny.createMeeting(opcc, meeting('bodies-pcc'));
    const read = await scrutiny.readMeeting(opcc, id);
    expect(read).toMatchObject({ canManage: true, deadline: null, rules: null });
    expect(read.window.reason).toBe('Test body bodies-pcc takes no public questions.');
    await scrutiny.addAgendaItem(opcc, id, {
      position: 1,
      slotTime: null,
      title: 'Force performance',
      purpose: null,
      lead: 'Chief Constable',
      exemptParagraph: null,
    });
    // The agenda is a draft until published, and its officer reads it.
    expect((await scrutiny.readMeeting(opcc, id)).items).toHaveLength(1);

    await expect(scrutiny.createMeeting(opcc, meeting('bodies-panel'))).rejects.toThrow(ForbiddenError);
    const panelOfficer = tokenHolding('scrutiny-officer', ids.panel as number);
    await expect(scrutiny.createMeeting(panelOfficer, meeting('bodies-pcc'))).rejects.toThrow(ForbiddenError);
    // The policing body has no groups or work programme to run.
    expect(await scrutiny.managedPanels(opcc)).toEqual([]);
  });

  it('holds meetings for audit committees and partnership boards, never for a partner organisation', async () => {
    for (const slug of ['bodies-audit', 'bodies-board']) {
      const officer = tokenHolding('scrutiny-officer', ids[slug.replace('bodies-', '')] as number);
      const { id } = await scrutiny.createMeeting(officer, meeting(slug));
      expect((await scrutiny.readMeeting(officer, id)).meeting.bodySlug).toBe(slug);
    }
    const council = tokenHolding('scrutiny-officer', ids.council as number);
    await expect(scrutiny.createMeeting(council, meeting('bodies-council'))).rejects.toThrow(
      /panel: Select who holds the meeting/,
    );
    expect(await scrutiny.managedBodies(council, 'meetings')).toEqual([]);
  });

  it('takes public questions only where the body has a scheme', async () => {
    const officer = tokenHolding('scrutiny-officer', ids.audit as number);
    await scrutiny.importPanelFile(
      officer,
      parsePanelFile(`
format: peelian-scrutiny/1
body: bodies-audit
questionRules: { noticeDays: 3, noticeKind: working-days }
meetings:
  - { title: Audit committee, date: 2027-06-03, time: '14:00', venue: Kidlington, status: agenda-published }
`),
    );
    const audit = (await scrutiny.listMeetings(officer)).find(
      (entry) => entry.meeting.title === 'Audit committee',
    );
    expect(audit?.window.open).toBe(true);
    const pcc = (await scrutiny.listMeetings(officer)).find(
      (entry) => entry.meeting.bodySlug === 'bodies-pcc',
    );
    const question = { name: 'Ada', email: 'ada@example.org', text: 'Why?' };
    await expect(scrutiny.submitQuestion(pcc?.meeting.id ?? 0, question)).rejects.toThrow(
      'Test body bodies-pcc takes no public questions.',
    );
    await expect(scrutiny.submitQuestion(audit?.meeting.id ?? 0, question)).resolves.toMatchObject({
      id: expect.any(Number),
    });
  });

  it('refuses members in the file of a body that has none, and groups for a body that has none', async () => {
    const opcc = tokenHolding('opcc-officer', ids.pcc as number);
    const file = parsePanelFile(`
format: peelian-scrutiny/1
body: bodies-pcc
members: [{ name: A Person, role: member }]
`);
    await expect(scrutiny.importPanelFile(opcc, file)).rejects.toThrow(
      /members: Test body bodies-pcc has no members/,
    );
    await expect(
      scrutiny.records.committees.createGroup(opcc, {
        panel: 'bodies-pcc',
        name: 'A group',
        kind: 'sub-committee',
        termsOfReference: 'To look at things',
        delegated: [],
        advisory: [],
      }),
    ).rejects.toThrow(/panel: Select the panel/);
  });
});
