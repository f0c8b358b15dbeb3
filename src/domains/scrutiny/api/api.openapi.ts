import {
  fileResponse,
  jsonResponse,
  type OpenApiPaths,
  SECURITY,
  withErrors,
} from '../../../kernel/http/openapi.ts';
import { PAPER_MAX_MEGABYTES } from '../papers/papers.file-types.ts';
import { PaperIdParams } from '../papers/papers.schemas.ts';
import { QuestionFormSchema } from '../questions/questions.schemas.ts';
import { MeetingIdParams } from '../scrutiny.schemas.ts';
import {
  MeetingDetailJson,
  MeetingListJson,
  NewMeetingJsonSchema,
  QuestionReceivedJson,
} from './api.schemas.ts';

const FIELD_ERRORS =
  'The input breaks a rule: `{"error": "...", "fields": [{"field": "start", "message": "..."}]}`; nothing is saved';
const NO_MEETING = 'No such meeting';
const BAD_ID = 'The id is not a whole number';

/** The meetings API and calendar feeds, described for the OpenAPI document. */
export const SCRUTINY_API_OPENAPI: OpenApiPaths = {
  '/api/v1/meetings': {
    get: {
      summary:
        'List the meetings of every body that holds them (OParl 1.1-style Meeting objects), newest first',
      description:
        'Each meeting has `type: "Meeting"`, `name`, `start` (ISO 8601 with the Europe/London offset), `end` ' +
        '(the same, or null where no end is recorded), `location`, `organization` (the body holding it: a ' +
        'Police and Crime Panel, a Police and Crime Commissioner, an audit committee or a partnership board), ' +
        '`meetingState`, `cancelled`, `publicQuestions` and `ics` (the meeting as iCalendar).',
      security: SECURITY.public,
      responses: withErrors({ '200': jsonResponse('`{"meetings": [Meeting…]}`', MeetingListJson) }),
    },
    post: {
      summary:
        'Add a meeting (an API token of the body’s scrutiny officer, or the Commissioner’s OPCC officer)',
      description:
        'Send `Authorization: Bearer <token>` for a token with the scrutiny-officer role on the body (or the ' +
        'opcc-officer role, for a policing body’s own meetings), and ' +
        'JSON `{"organization": "thames-valley-panel", "name": "…", "start": "2027-02-03T11:00:00+00:00", ' +
        '"location": "…"}`. `start` may also be London wall-clock time without an offset ' +
        '(`2027-02-03T11:00`). A meeting dated in the past, or at the same time as another of the body’s ' +
        'meetings, is refused with the field named (`start`).',
      security: SECURITY.signedIn,
      requestBody: { required: true, content: { 'application/json': { schema: NewMeetingJsonSchema } } },
      responses: withErrors(
        {
          '201': {
            ...jsonResponse(
              'The new meeting, as GET /api/v1/meetings/{id} returns it; Location header',
              MeetingDetailJson,
            ),
            headers: { Location: { description: 'The new meeting’s URL', schema: { type: 'string' } } },
          },
        },
        {
          '400': FIELD_ERRORS,
          jsonBody: true,
          '403': 'The caller’s role does not allow it, or is for another panel',
        },
      ),
    },
  },
  '/api/v1/meetings/{id}': {
    get: {
      summary: 'A meeting with its agenda items, papers, public question rules, attendance and minutes',
      description:
        'Names follow OParl 1.1 where they fit. `agendaItem` lists AgendaItem objects in order, each with ' +
        '`auxiliaryFile`: its papers as OParl File objects (`name`, `fileName`, `mimeType`, `size`, ' +
        '`sha256Checksum`, `accessUrl`, `downloadUrl`); papers on the meeting as a whole are in the ' +
        'meeting’s own `auxiliaryFile`. Exempt papers are never listed for the public. ' +
        'publicQuestions.deadline is the last second of the last London day on which a question is in time, ' +
        'as ISO 8601 with the Europe/London offset (e.g. 2016-12-13T23:59:59+00:00). Anything sent before ' +
        'the following midnight, London time, is in time. The deadline is counted in England and Wales ' +
        'working days by the panel’s own rule (publicQuestions.rule). Askers’ names and emails are never ' +
        'published. Once the meeting has been held, `participant` (Person objects, with their Membership) ' +
        'lists the members and substitutes present, `attendance` groups everyone recorded (present, ' +
        'substitute, apologies, absent, officer, other) and `declarations` the interests declared; before ' +
        'then they are null. `minutes` is null until a later meeting has approved the minutes; then it holds them ' +
        'as GET /api/v1/meetings/{id}/minutes gives them (numbered items, decisions and actions).',
      security: SECURITY.public,
      requestParams: { path: MeetingIdParams },
      responses: withErrors(
        { '200': jsonResponse('The meeting', MeetingDetailJson) },
        { '400': BAD_ID, '404': NO_MEETING },
      ),
    },
  },
  '/api/v1/meetings/{id}/questions': {
    post: {
      summary: 'Send a public question for a meeting (no account needed)',
      description:
        'JSON `{"name": "…", "email": "…", "text": "…"}`, by the same rules as the form on the meeting’s ' +
        'page: before the deadline (publicQuestions.deadline), no longer than the panel allows, and no more ' +
        'questions from one email address than the panel allows. A question after the deadline is refused ' +
        'with a message naming it. Limited to 10 requests in 10 minutes from one address. The email address ' +
        'is used only to reply and is never published.',
      security: SECURITY.public,
      requestParams: { path: MeetingIdParams },
      requestBody: { required: true, content: { 'application/json': { schema: QuestionFormSchema } } },
      responses: withErrors(
        { '201': jsonResponse('`{"status": "received"}`', QuestionReceivedJson) },
        {
          '400': FIELD_ERRORS,
          jsonBody: true,
          '404': NO_MEETING,
          '429': 'Too many requests from this address; try again later',
        },
      ),
    },
  },
  '/meetings.ics': {
    get: {
      summary: 'The programme of coming meetings as an iCalendar feed',
      description:
        'One event per meeting from today on, at its London time (TZID=Europe/London); a cancelled ' +
        'meeting stays in the feed with STATUS:CANCELLED so calendars that copied it remove it.',
      security: SECURITY.public,
      responses: withErrors({ '200': fileResponse('The feed', 'text/calendar') }, { page: true }),
    },
  },
  '/meetings/{id}.ics': {
    get: {
      summary: 'One meeting as an iCalendar file',
      security: SECURITY.public,
      requestParams: { path: MeetingIdParams },
      responses: withErrors(
        { '200': fileResponse('The meeting as an iCalendar file', 'text/calendar') },
        { '400': BAD_ID, '404': NO_MEETING, page: true },
      ),
    },
  },
  '/meetings/{id}/papers/{paperId}': {
    get: {
      summary: 'Download a paper',
      description:
        `Served as an attachment with its media type (PDF, DOCX, XLSX, ODT or CSV, up to ${PAPER_MAX_MEGABYTES} MB, ` +
        'each checked by its content when uploaded) and X-Content-Type-Options: nosniff. An exempt paper is ' +
        'not found unless the caller is a member or officer of the panel.',
      security: SECURITY.public,
      requestParams: { path: PaperIdParams },
      responses: withErrors(
        { '200': fileResponse('The file, with its own media type', 'application/octet-stream') },
        { '400': 'An id is not a whole number', '404': 'No such paper', page: true },
      ),
    },
  },
};
