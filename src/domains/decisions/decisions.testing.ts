import type { Services } from '../../composition.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import type { TestDatabase } from '../../kernel/testing/test-database.ts';
import { createOfficeWithPanel } from '../accounts/accounts.testing.ts';
import { parsePlanFile } from '../plans/index.ts';
import { NOT_YET_ANSWERED } from '../recommendations/index.ts';
import { parsePanelFile } from '../scrutiny/index.ts';

const system = systemActor('test');

/**
 * A Commissioner's office in a force area of its own, as the register checks a decision against: the area's
 * plan for 2024–2029, issued, with priorities PC1 and PC2; the area's Panel (`<office>-panel`) with two
 * meetings; and a public recommendation of the Panel in the shared ledger. Gives the ids the tests name.
 */
export async function createTestOffice(database: TestDatabase, services: Services, office: string) {
  const { officeId, panel, panelId } = await createOfficeWithPanel(database, services, office);
  await services.plans.importPlanFile(
    system,
    parsePlanFile(`format: peelian-plan/1
plan: { slug: ${office}-plan, title: Test plan of ${office}, body: ${office}, forceArea: ${office}-area, authorName: A Commissioner, authorOffice: Police and Crime Commissioner, termStart: 2024-04-01, termEnd: 2029-03-31 }
pillars:
  - code: PC
    title: Protecting Communities
    priorities: [{ code: PC1, title: Crime Prevention }, { code: PC2, title: Neighbourhood Policing }]
`),
  );
  await services.plans.recordStep(system, `${office}-plan`, {
    step: 'issued',
    occurredOn: '2024-06-01',
    note: null,
    documents: [],
  });
  await services.scrutiny.importPanelFile(
    system,
    parsePanelFile(`format: peelian-scrutiny/1
body: ${panel}
questionRules: { noticeDays: 3, noticeKind: working-days }
meetings:
  - { title: Budget meeting, date: 2026-02-06, time: '10:00', venue: Hall, status: held }
  - { title: Summer meeting, date: 2026-07-10, time: '10:00', venue: Hall, status: scheduled }
`),
  );
  const meetings = await database.db
    .selectFrom('meeting')
    .select(['id', 'title'])
    .where('bodyId', '=', panelId)
    .orderBy('startsAt')
    .execute();
  const recommendation = await database.db.transaction().execute((trx) =>
    services.recommendations.record(trx, system, {
      bodyId: panelId,
      origin: 'inspection',
      originTitle: 'A test inspection',
      originUrl: null,
      madeOn: '2025-01-10',
      topic: 'Victims',
      text: 'Tell victims how their case is going.',
      addressee: 'Police and Crime Commissioner',
      responseDueOn: '2025-03-10',
      visibility: 'public',
      ...NOT_YET_ANSWERED,
    }),
  );
  return { officeId, panel, panelId, meetingIds: meetings.map((meeting) => meeting.id), recommendation };
}
