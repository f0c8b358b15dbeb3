import type { UsersService } from '../accounts/index.ts';
import { defineDomain } from '../module.ts';
import type { RecommendationsLedgerService } from '../recommendations/index.ts';
import type { SearchService } from '../search/index.ts';
import { scrutinyApiRoutes } from './api/api.routes.ts';
import { scrutinyAttendanceRoutes } from './attendance/attendance.routes.ts';
import { committeesRoutes } from './committees/committees.routes.ts';
import { scrutinyInterestsRoutes } from './interests/interests.routes.ts';
import { agendaRoutes } from './meetings/agenda.routes.ts';
import { SINCE_LAST_MEETING_KINDS, SINCE_LAST_MEETING_LIMIT } from './meetings/meeting-page.ts';
import { meetingsRoutes } from './meetings/meetings.routes.ts';
import { minuteItemRoutes } from './minutes/minute-items.routes.ts';
import { minutesRoutes } from './minutes/minutes.routes.ts';
import { oparlRoutes } from './oparl/oparl.routes.ts';
import { scrutinyPapersRoutes } from './papers/papers.routes.ts';
import { questionsRoutes } from './questions/questions.routes.ts';
import { recommendationsRoutes } from './recommendations/recommendations.routes.ts';
import { SCRUTINY_COMMANDS } from './records/records.cli.ts';
import { seedDemoScrutiny } from './scrutiny.demo.ts';
import { SCRUTINY_OPENAPI } from './scrutiny.openapi.ts';
import { SCRUTINY_POLICY } from './scrutiny.policy.ts';
import { SCRUTINY_SEARCH } from './scrutiny.search.ts';
import { createScrutinyService } from './scrutiny.service.ts';
import { workProgrammeRoutes } from './work-programme/work-programme.routes.ts';

export { parsePanelFile } from './meetings/panel.files.ts';
export { meetingPaths } from './scrutiny.paths.ts';
export type { ScrutinyService } from './scrutiny.service.ts';
export type { ScrutinyPublished, ScrutinyTables } from './scrutiny.tables.ts';

/** The Police and Crime Panel: meetings, questions, minutes, recommendations, papers, attendance, interests. */
export const scrutinyDomain = defineDomain({
  name: 'scrutiny',
  signposts: [
    {
      href: '/meetings',
      title: 'Meetings',
      description: 'The Police and Crime Panel’s meetings: agendas, papers, public questions and minutes.',
      position: 30,
    },
  ],
  policy: SCRUTINY_POLICY,
  navigation: [{ href: '/meetings', text: 'Meetings', position: 30 }],
  build: (
    { db, policy, now, baseUrl },
    {
      users,
      recommendations,
    }: { users: UsersService; recommendations: RecommendationsLedgerService; search: SearchService },
  ) => ({
    scrutiny: createScrutinyService({
      db,
      policy,
      now,
      findBody: users.findBody,
      listBodies: users.listBodies,
      baseUrl,
      ledger: recommendations,
    }),
  }),
  routes: ({ scrutiny, search }, { config, searchSources }) => [
    meetingsRoutes({
      scrutiny,
      recordsBetween: (forceAreaId, { from, to }) =>
        search.dated(searchSources, {
          kinds: SINCE_LAST_MEETING_KINDS,
          from,
          to,
          order: 'newest',
          limit: SINCE_LAST_MEETING_LIMIT,
          forceAreaId,
        }),
    }),
    agendaRoutes(scrutiny.agenda),
    questionsRoutes({ scrutiny }),
    minutesRoutes(scrutiny.records),
    minuteItemRoutes(scrutiny.records),
    recommendationsRoutes({ recommendations: scrutiny.records.recommendations }),
    committeesRoutes({ ...scrutiny.records, managedPanels: scrutiny.managedPanels }),
    workProgrammeRoutes({ ...scrutiny.records, managedPanels: scrutiny.managedPanels }),
    scrutinyApiRoutes({ scrutiny, baseUrl: config.baseUrl }),
    oparlRoutes({ oparl: scrutiny.oparl, baseUrl: config.baseUrl, areaName: config.areaName }),
    scrutinyPapersRoutes({ scrutiny }),
    scrutinyAttendanceRoutes({ scrutiny }),
    scrutinyInterestsRoutes({ scrutiny }),
  ],
  openApi: [SCRUTINY_OPENAPI],
  search: [SCRUTINY_SEARCH],
  deadlines: ({ scrutiny }) => [scrutiny.upcomingDeadlines],
  commands: SCRUTINY_COMMANDS,
  seedDemo: async ({ scrutiny }, { actor }) => {
    await seedDemoScrutiny(scrutiny, actor);
    return {};
  },
});
