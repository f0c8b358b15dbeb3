import type { FastifyPluginAsync } from 'fastify';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { londonDateOf, startOfLondonDay } from '../../../kernel/calendar/index.ts';
import { ValidationError } from '../../../kernel/errors.ts';
import { toICalendar } from '../../../kernel/formats/icalendar.ts';
import { PUBLIC, requires } from '../../../kernel/http/auth.ts';
import { sendDownload } from '../../../kernel/http/download.ts';
import { parseInput } from '../../../kernel/http/form-validation.ts';
import { toMinutesJson } from '../minutes/minutes.view-models.ts';
import { QUESTION_RATE } from '../questions/questions.routes.ts';
import { QuestionFormSchema } from '../questions/questions.schemas.ts';
import { meetingPaths } from '../scrutiny.paths.ts';
import { MeetingIdParams } from '../scrutiny.schemas.ts';
import type { ScrutinyService } from '../scrutiny.service.ts';
import { parseNewMeetingJson, toApiFieldErrors } from './api.schemas.ts';
import { toMeetingDetailJson, toMeetingEvent, toMeetingListJson } from './api.view-models.ts';

const MANAGE = requires('scrutiny:manage');

export interface ScrutinyApiDeps {
  scrutiny: ScrutinyService;
  baseUrl: string;
}

/**
 * The meetings API, named after OParl 1.1 (Meeting, AgendaItem, File, Person, Organization, Membership),
 * and the meetings as iCalendar: one meeting, or the programme of coming meetings.
 */
export function scrutinyApiRoutes(deps: ScrutinyApiDeps): FastifyPluginAsync {
  const { scrutiny, baseUrl } = deps;

  async function meetingDetail(actor: Actor, id: number) {
    const read = await scrutiny.readMeeting(actor, id);
    const [papers, attendance, declarations, minutes] = await Promise.all([
      scrutiny.papers.listPapers(actor, read.meeting),
      scrutiny.attendance.listMeetingAttendance(actor, read.meeting),
      scrutiny.interests.listMeetingDeclarations(actor, read.meeting),
      scrutiny.records.minutes.readMinutes(actor, id),
    ]);
    // Minutes join the meeting's record once a later meeting has approved them; drafts stay on their own URL.
    const published = minutes.state === 'approved' ? toMinutesJson(minutes) : null;
    return toMeetingDetailJson(read, { papers, attendance, declarations, minutes: published });
  }

  return async (app) => {
    app.get(meetingPaths.apiList.pattern, PUBLIC, async (request) => {
      const entries = await scrutiny.listMeetings(request.actor);
      return { meetings: entries.map(toMeetingListJson) };
    });

    app.get(meetingPaths.apiMeeting.pattern, PUBLIC, async (request) => {
      const { id } = parseInput(MeetingIdParams, request.params);
      return meetingDetail(request.actor, id);
    });

    app.post(meetingPaths.apiList.pattern, MANAGE, async (request, reply) => {
      const form = parseNewMeetingJson(request.body);
      let created: { id: number };
      try {
        created = await scrutiny.createMeeting(request.actor, form, request.id);
      } catch (error) {
        if (error instanceof ValidationError) throw new ValidationError(toApiFieldErrors(error.fieldErrors));
        throw error;
      }
      return reply
        .code(201)
        .header('Location', meetingPaths.apiMeeting({ id: created.id }))
        .send(await meetingDetail(request.actor, created.id));
    });

    app.post(
      meetingPaths.apiQuestions.pattern,
      { config: { permission: 'public', rateLimit: QUESTION_RATE } },
      async (request, reply) => {
        const { id } = parseInput(MeetingIdParams, request.params);
        const form = parseInput(QuestionFormSchema, request.body);
        // As on the form: a filled-in honeypot gets the same answer as a real question, and is not kept.
        if (form.website.trim() !== '')
          request.log.info({ meetingId: id }, 'public question honeypot filled (API); discarded');
        else await scrutiny.submitQuestion(id, form, request.id);
        return reply.code(201).send({ status: 'received', meeting: meetingPaths.apiMeeting({ id }) });
      },
    );

    app.get(meetingPaths.programmeCalendar.pattern, PUBLIC, async (request, reply) => {
      const from = startOfLondonDay(londonDateOf(new Date())).getTime();
      const coming = (await scrutiny.listMeetings(request.actor))
        .filter((entry) => entry.meeting.startsAt.getTime() >= from)
        .reverse();
      const feed = toICalendar(
        'Meetings',
        coming.map((entry) => toMeetingEvent(entry, baseUrl)),
        new Date(),
        { baseUrl },
      );
      // Inline: calendar programs subscribe to it.
      return sendDownload(reply, { name: 'meetings', format: 'ics', body: feed, inline: true });
    });

    app.get(meetingPaths.calendar.pattern, PUBLIC, async (request, reply) => {
      const { id } = parseInput(MeetingIdParams, request.params);
      const read = await scrutiny.readMeeting(request.actor, id);
      const feed = toICalendar(read.meeting.title, [toMeetingEvent(read, baseUrl)], new Date(), { baseUrl });
      return sendDownload(reply, { name: `meeting-${id}`, format: 'ics', body: feed });
    });
  };
}
