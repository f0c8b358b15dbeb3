import { NotFoundError } from '../../../kernel/errors.ts';
import type { ScrutinyAttendanceService } from '../attendance/attendance.service.ts';
import { kindHas } from '../bodies.ts';
import type { createMeetingsService } from '../meetings/meetings.service.ts';
import type { ScrutinyPapersService } from '../papers/papers.service.ts';
import type { BodyRef, ScrutinyDeps } from '../scrutiny.context.ts';
import { createOparlMeetings } from './oparl.meetings.ts';
import {
  type Absolute,
  groupOrganizationKey,
  mainOrganizationKey,
  type OparlObject,
  toBody,
  toSystem,
} from './oparl.objects.ts';
import { type ListEntry, type ListQuery, pageOf } from './oparl.paging.ts';
import { type OparlList, oparlPaths } from './oparl.paths.ts';
import { createOparlPeople, spanOf } from './oparl.people.ts';
import {
  agendaItemStamps,
  fileStamps,
  groupStamps,
  meetingStamps,
  memberStamps,
  type StampRow,
} from './oparl.queries.ts';

export interface OparlDeps extends Pick<ScrutinyDeps, 'db' | 'baseUrl' | 'listBodies'> {
  readMeeting: ReturnType<typeof createMeetingsService>['readMeeting'];
  papers: Pick<ScrutinyPapersService, 'listPapers'>;
  attendance: Pick<ScrutinyAttendanceService, 'listMeetingAttendance'>;
}

export type OparlService = ReturnType<typeof createOparlService>;

const notFound = () => new NotFoundError('There is no such OParl object');
type Key = ListEntry['key'];
type Build = (key: Key) => Promise<OparlObject>;
const entry = (row: StampRow): ListEntry => ({
  key: row.id,
  createdAt: row.createdAt,
  modifiedAt: row.modifiedAt,
});
const groupEntry = (row: StampRow): ListEntry => ({ ...entry(row), key: groupOrganizationKey(row.id) });

/**
 * The OParl 1.1 API's objects. Everything is read as an anonymous visitor, through the same service
 * functions as the public pages and the meetings API, so a draft agenda, an exempt paper or a meeting's
 * record before it is held never reaches it, whoever asks.
 */
export function createOparlService(deps: OparlDeps) {
  const { db } = deps;
  const abs: Absolute = (path) => `${deps.baseUrl}${path}`;

  /** The bodies that hold meetings in public: each is an OParl Body. */
  async function bodies(): Promise<BodyRef[]> {
    return (await deps.listBodies()).filter((body) => kindHas(body.kind, 'meetings'));
  }

  async function bodyBy(match: (body: BodyRef) => boolean): Promise<BodyRef> {
    const found = (await bodies()).find(match);
    if (!found) throw notFound();
    return found;
  }

  const { meeting, partOfMeeting } = createOparlMeetings(deps, abs);
  const { organization, person, membership } = createOparlPeople(deps, abs, bodyBy);

  const byNumber = (build: (id: number) => Promise<OparlObject>) => (key: Key) => build(Number(key));
  const inMeeting = (kind: 'agendaItem' | 'meetingPaper', path: (params: { id: number }) => string) =>
    byNumber((id) => partOfMeeting(kind, id, abs(path({ id }))));

  /** Each list's entries (ids and stamps, all of them: they are small) and how to build one. */
  async function listEntries(
    body: BodyRef,
    list: OparlList,
  ): Promise<{ entries: ListEntry[]; build: Build }> {
    switch (list) {
      case 'meetings':
        return { entries: (await meetingStamps(db, body.id)).map(entry), build: byNumber(meeting) };
      case 'agenda-items':
        return {
          entries: (await agendaItemStamps(db, body.id)).map(entry),
          build: inMeeting('agendaItem', oparlPaths.agendaItem),
        };
      case 'files':
        return {
          entries: (await fileStamps(db, body.id)).map(entry),
          build: inMeeting('meetingPaper', oparlPaths.file),
        };
      case 'persons':
        return { entries: (await memberStamps(db, body.id)).map(entry), build: byNumber(person) };
      case 'organizations': {
        const [members, groups] = await Promise.all([memberStamps(db, body.id), groupStamps(db, body.id)]);
        const main = { key: mainOrganizationKey(body.id), ...spanOf(members) };
        return { entries: [main, ...groups.map(groupEntry)], build: (key) => organization(String(key)) };
      }
      case 'papers':
        return { entries: [], build: () => Promise.reject(notFound()) };
    }
  }

  return {
    system: (name: string) => toSystem(abs, name),
    async listBodies(query: ListQuery, link: (page: number) => string) {
      const found = await bodies();
      const entries = found.map((body) => ({ key: body.slug }));
      return pageOf(entries, query, link, async ({ key }) =>
        toBody(abs, await bodyBy((body) => body.slug === key)),
      );
    },
    body: async (slug: string) => toBody(abs, await bodyBy((body) => body.slug === slug)),
    async list(slug: string, list: OparlList, query: ListQuery, link: (page: number) => string) {
      const body = await bodyBy((candidate) => candidate.slug === slug);
      const { entries, build } = await listEntries(body, list);
      return pageOf(entries, query, link, ({ key }) => build(key));
    },
    meeting,
    location: async (id: number) => (await meeting(id)).location as OparlObject,
    agendaItem: (id: number) => partOfMeeting('agendaItem', id, abs(oparlPaths.agendaItem({ id }))),
    file: (id: number) => partOfMeeting('meetingPaper', id, abs(oparlPaths.file({ id }))),
    person,
    organization,
    membership,
  };
}
