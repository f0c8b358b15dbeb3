import type { Services } from '../../composition.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import type { TestDatabase } from '../../kernel/testing/test-database.ts';
import { createOfficeWithPanel } from '../accounts/accounts.testing.ts';
import { parsePanelFile } from '../scrutiny/index.ts';

const system = systemActor('test');

/**
 * A Commissioner's office and its Panel in a force area of their own: the Panel has `members` members serving
 * since 2020, one former member whose term ended in May 2024, and a meeting on 5 February 2026. Gives the ids
 * the tests name.
 */
export async function createPreceptFixture(
  database: TestDatabase,
  services: Services,
  office: string,
  members = 20,
) {
  const { officeId, panel, panelId } = await createOfficeWithPanel(database, services, office);
  const names = Array.from({ length: members }, (_, index) => `Member ${String(index + 1).padStart(2, '0')}`);
  await services.scrutiny.importPanelFile(
    system,
    parsePanelFile(`format: peelian-scrutiny/1
body: ${panel}
members:
${names.map((name) => `  - { name: ${name}, role: member, termStart: 2020-01-01 }`).join('\n')}
  - { name: Former Member, role: member, termStart: 2020-01-01, termEnd: 2024-05-01 }
meetings:
  - { title: Precept meeting, date: 2026-02-05, time: '10:00', venue: Hall, status: held }
`),
  );
  const memberRows = await database.db
    .selectFrom('scrutinyMember')
    .select(['id', 'name'])
    .where('bodyId', '=', panelId)
    .orderBy('name')
    .execute();
  const meeting = await database.db
    .selectFrom('meeting')
    .select('id')
    .where('bodyId', '=', panelId)
    .executeTakeFirstOrThrow();
  const former = memberRows.find((row) => row.name === 'Former Member');
  return {
    officeId,
    panel,
    panelId,
    meetingId: meeting.id,
    members: memberRows.filter((row) => row !== former),
    former: former as { id: number; name: string },
  };
}

/** The form fields of a vote: the first `votesFor` members for, the rest as `others`. */
export function voteFields(
  members: readonly { id: number }[],
  votesFor: number,
  others: 'against' | 'absent' | 'abstain' = 'absent',
) {
  return Object.fromEntries(
    members.map((member, index) => [`vote-${member.id}`, index < votesFor ? 'for' : others]),
  );
}

/** A proposal for 2026-27, as the form posts it. */
export const PROPOSAL = (body: string) => ({
  body,
  year: '2026-27',
  proposed: '£250.00',
  'proposedOn-day': '28',
  'proposedOn-month': '1',
  'proposedOn-year': '2026',
  previous: '£236.00',
  referendumLimit: '£14.00',
  taxBase: '100,000.50',
});
