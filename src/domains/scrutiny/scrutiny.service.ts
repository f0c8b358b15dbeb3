import type { Actor } from '../../kernel/auth/actor.ts';
import { londonDateOf } from '../../kernel/calendar/index.ts';
import { createScrutinyAttendanceService } from './attendance/attendance.service.ts';
import { createScrutinyInterestsService } from './interests/interests.service.ts';
import { createAgendaService } from './meetings/agenda.service.ts';
import { createMeetingsService } from './meetings/meetings.service.ts';
import { createOparlService } from './oparl/oparl.service.ts';
import { createScrutinyPapersService } from './papers/papers.service.ts';
import type { QuestionDeadline } from './questions/questions.deadline.ts';
import { createQuestionsService } from './questions/questions.service.ts';
import { createScrutinyRecordsService } from './records/records.service.ts';
import { type LedgerOptional, type ScrutinyDeps, withLedger } from './scrutiny.context.ts';
import { meetingPaths } from './scrutiny.paths.ts';

export type ScrutinyService = ReturnType<typeof createScrutinyService>;

/** The domain's service: each sub-feature's service, built from the same deps, under one name. */
export function createScrutinyService(given: LedgerOptional<ScrutinyDeps>) {
  const deps = withLedger(given);
  const records = createScrutinyRecordsService(deps);
  const meetings = createMeetingsService(deps);
  const listMeetingsForReader = meetings.listMeetings;
  const papers = createScrutinyPapersService(deps);
  const attendance = createScrutinyAttendanceService(deps);

  /**
   * For the statutory calendar: public question deadlines still to come, and the responses the panels have
   * asked for by a date still to come.
   */
  async function upcomingDeadlines(actor: Actor) {
    const today = londonDateOf(deps.now());
    const [entries, responses] = await Promise.all([
      listMeetingsForReader(actor),
      records.recommendations.upcomingDeadlines(actor),
    ]);
    const questions = entries
      .filter(
        ({ meeting, deadline }) => deadline && deadline.lastDay >= today && meeting.status !== 'cancelled',
      )
      .map(({ meeting, deadline }) => ({
        uid: `meeting-${meeting.id}-questions`,
        date: (deadline as QuestionDeadline).lastDay,
        title: `Public questions close: ${meeting.title}`,
        basis: `${meeting.bodyName}: questions ${(deadline as QuestionDeadline).basis}`,
        url: meetingPaths.meeting({ id: meeting.id }),
        status: null,
      }));
    return [...questions, ...responses];
  }

  return {
    ...meetings,
    ...createQuestionsService(deps),
    upcomingDeadlines,
    agenda: createAgendaService(deps),
    papers,
    attendance,
    oparl: createOparlService({ ...deps, readMeeting: meetings.readMeeting, papers, attendance }),
    interests: createScrutinyInterestsService(deps),
    records,
  };
}
