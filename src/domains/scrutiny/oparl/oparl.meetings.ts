import { ANONYMOUS } from '../../../kernel/auth/actor.ts';
import { NotFoundError } from '../../../kernel/errors.ts';
import { type Absolute, type OparlObject, toAgendaItem, toFile, toMeeting } from './oparl.objects.ts';
import { listStamps, meetingOf, type StampRow } from './oparl.queries.ts';
import type { OparlDeps } from './oparl.service.ts';

const notFound = () => new NotFoundError('There is no such OParl object');

/**
 * Meetings with their agenda items and files, read as an anonymous visitor through the meetings' and
 * papers' own services: a draft agenda's items and an exempt paper are left out there, before OParl sees them.
 */
export function createOparlMeetings(deps: OparlDeps, abs: Absolute) {
  const { db } = deps;

  async function meeting(id: number): Promise<OparlObject> {
    const read = await deps.readMeeting(ANONYMOUS, id);
    const [papers, attendance] = await Promise.all([
      deps.papers.listPapers(ANONYMOUS, read.meeting),
      deps.attendance.listMeetingAttendance(ANONYMOUS, read.meeting),
    ]);
    const [own, items, files] = await Promise.all([
      listStamps(db, 'meeting', [id]),
      listStamps(
        db,
        'agenda_item',
        read.items.map((item) => item.id),
      ),
      listStamps(
        db,
        'meeting_paper',
        papers.map((paper) => paper.id),
      ),
    ]);
    const meetingStamp = own.get(id);
    // A part is as new as its meeting (see oparl.queries.ts, partOfMeeting).
    const partStamp = (stamp: StampRow | undefined) =>
      stamp && meetingStamp ? { ...stamp, modifiedAt: meetingStamp.modifiedAt } : stamp;
    const filesFor = (itemId: number | null) =>
      papers
        .filter((paper) => paper.agendaItemId === itemId)
        .map((paper) => toFile(abs, paper, partStamp(files.get(paper.id))));
    return toMeeting(
      abs,
      read.meeting,
      {
        items: read.items.map((item) =>
          toAgendaItem(abs, read.meeting, item, filesFor(item.id), partStamp(items.get(item.id))),
        ),
        files: filesFor(null),
        attendance,
      },
      meetingStamp,
    );
  }

  /** An object embedded in a meeting (an agenda item, a file), found by its URL in the meeting as served. */
  async function partOfMeeting(kind: 'agendaItem' | 'meetingPaper', id: number, url: string) {
    const meetingId = await meetingOf(db, kind, id);
    if (meetingId === undefined) throw notFound();
    const served = await meeting(meetingId);
    const items = (served.agendaItem ?? []) as OparlObject[];
    const files = [served.auxiliaryFile ?? [], ...items.map((item) => item.auxiliaryFile ?? [])].flat();
    const found = [...items, ...(files as OparlObject[])].find((object) => object.id === url);
    if (!found) throw notFound();
    return found;
  }

  return { meeting, partOfMeeting };
}
