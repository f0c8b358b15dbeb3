import fs from 'node:fs';
import path from 'node:path';
import { policy, type Services } from '../../composition.ts';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import type { TestAppFixture } from '../../kernel/testing/test-app.ts';
import type { TestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestBody } from '../accounts/accounts.testing.ts';
import { parsePanelFile } from './meetings/panel.files.ts';
import { parseRecordsFile } from './records/records.files.ts';
import { createScrutinyRecordsService } from './records/records.service.ts';

export const demoScrutinyFile = (file: string) =>
  fs.readFileSync(path.join(PROJECT_ROOT, 'data/demo/scrutiny', file), 'utf8');

/** Three working days' notice for public questions: the rule most test panels take. */
const NOTICE_RULES = '{ noticeDays: 3, noticeKind: working-days }';

/** A panel file's text for a test: its format, the body, the question rules, then the lines given. */
export const testPanelText = (body: string, lines: string, questionRules = NOTICE_RULES) =>
  `format: peelian-scrutiny/1\nbody: ${body}\nquestionRules: ${questionRules}\n${lines.trimStart()}`;

/** Further meetings of the demo panel, keeping its question rules (20 minutes for questions). */
export const demoPanelMeetings = (lines: string) =>
  testPanelText(
    'thames-valley-panel',
    lines,
    '{ noticeDays: 3, noticeKind: working-days, minutesAllowed: 20 }',
  );

/** A scrutiny panel of the test's own: its body, and its panel file with these lines. Gives the body's id. */
export async function addTestPanel(
  { database, services }: Pick<TestAppFixture, 'database' | 'services'>,
  body: string,
  lines: string,
) {
  const id = await createTestBody(database.current.db, body, 'scrutiny-panel');
  await services.scrutiny.importPanelFile(systemActor('test'), parsePanelFile(testPanelText(body, lines)));
  return id;
}

/** The records service on the test's database with a clock of its own, the rest as the app has it. */
export const recordsServiceAt = (
  { database, services }: Pick<TestAppFixture, 'database' | 'services'>,
  now: () => Date,
) =>
  createScrutinyRecordsService({ db: database.current.db, policy, now, findBody: services.users.findBody });

/** The Thames Valley panel's body and its demo meetings, and any further panel files (e.g. meetings to come). */
export async function loadDemoPanel(
  { database, services }: Pick<TestAppFixture, 'database' | 'services'>,
  ...panelFiles: string[]
) {
  await createTestBody(database.current.db, 'thames-valley-panel', 'scrutiny-panel');
  for (const text of [demoScrutinyFile('thames-valley-panel.yaml'), ...panelFiles])
    await services.scrutiny.importPanelFile(systemActor('test'), parsePanelFile(text));
}

/** The id of each meeting, by the first of the titles each name is found in. */
export async function meetingIds<Name extends string>(services: Services, titles: Record<Name, string>) {
  const meetings = await services.scrutiny.listMeetings(systemActor('test'));
  const ids = {} as Record<Name, number>;
  for (const [name, title] of Object.entries(titles) as [Name, string][])
    ids[name] = meetings.find((entry) => entry.meeting.title.includes(title))?.meeting.id ?? 0;
  return ids;
}

/** The Thames Valley panel's demo meetings and records (the panel's body must exist already). */
export async function loadDemoPanelRecords(services: Services) {
  const system = systemActor('test');
  await services.scrutiny.importPanelFile(
    system,
    parsePanelFile(demoScrutinyFile('thames-valley-panel.yaml')),
  );
  await services.scrutiny.records.importRecordsFile(
    system,
    parseRecordsFile(demoScrutinyFile('records/thames-valley-panel.yaml')),
  );
  const meetings: Record<string, number> = {};
  for (const { meeting } of await services.scrutiny.listMeetings(system)) {
    if (meeting.title.includes('21 October 2016')) meetings.october = meeting.id;
    if (meeting.title.includes('16 December 2016')) meetings.december = meeting.id;
  }
  const recommendations: Record<string, number> = {};
  for (const row of await services.scrutiny.records.recommendations.listLedger(system, {
    status: null,
    origin: null,
    overdue: null,
  }))
    recommendations[row.reference] = row.id;
  return { meetings, recommendations };
}

/** The latest audit event of a record: who made the change, and what it became. */
export async function latestAudit(database: TestDatabase, type: string, id: string | number) {
  const [event] = await database.sql.query<{ actor_label: string; action: string; after: string | null }>(
    'SELECT actor_label, action, after::text AS after FROM audit_event WHERE record_type = $1 AND record_id = $2 ORDER BY id DESC LIMIT 1',
    [type, String(id)],
  );
  return event;
}
