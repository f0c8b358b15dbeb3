import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Services } from '../../composition.ts';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import type { Role } from '../../kernel/auth/roles.ts';
import { TestClient } from '../../kernel/testing/test-client.ts';
import type { TestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestUser, TEST_PASSWORD } from '../accounts/accounts.testing.ts';
import { parsePanelFile } from './meetings/panel.files.ts';
import { parseRecordsFile } from './records/records.files.ts';

export const demoScrutinyFile = (file: string) =>
  fs.readFileSync(path.join(PROJECT_ROOT, 'data/demo/scrutiny', file), 'utf8');

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

/** A browser-like client signed in as a new person holding the role on the body. */
export async function signedInAs(app: FastifyInstance, services: Services, role: Role, body: string) {
  const { email } = await createTestUser(services, { role, body });
  const client = new TestClient(app);
  expect((await client.post('/sign-in', { email, password: TEST_PASSWORD })).statusCode).toBe(303);
  return { client, email };
}

/** The latest audit event of a record: who made the change, and what it became. */
export async function latestAudit(database: TestDatabase, type: string, id: string | number) {
  const [event] = await database.sql.query<{ actor_label: string; action: string; after: string | null }>(
    'SELECT actor_label, action, after::text AS after FROM audit_event WHERE record_type = $1 AND record_id = $2 ORDER BY id DESC LIMIT 1',
    [type, String(id)],
  );
  return event;
}
