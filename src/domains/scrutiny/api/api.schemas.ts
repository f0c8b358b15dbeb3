import { z } from 'zod';
import { londonDateTimeOf } from '../../../kernel/calendar/index.ts';
import { type FieldError, ValidationError } from '../../../kernel/errors.ts';
import { parseInput } from '../../../kernel/http/form-validation.ts';
import { type MeetingForm, MeetingFormSchema } from '../scrutiny.schemas.ts';
import { MEETING_STATUSES } from '../scrutiny.tables.ts';
import { DECLARATION_KINDS, PARTICIPATIONS } from '../scrutiny-interests.tables.ts';
import { MinutesJson } from '../scrutiny-records.schemas.ts';

const START = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::00)?(Z|[+-]\d{2}:\d{2})?$/;
const START_MESSAGE =
  'Give the start as ISO 8601 to the minute, e.g. 2027-02-03T11:00:00+00:00, or 2027-02-03T11:00 for London time';

/** A new meeting through the API, with OParl's names: organization (the body), name, start, location. */
export const NewMeetingJsonSchema = z.object({
  organization: z.string({ message: 'Give the identifier of the body holding it, e.g. thames-valley-panel' }),
  name: z.string({ message: 'Give the meeting’s name' }),
  start: z.string({ message: START_MESSAGE }).regex(START, START_MESSAGE),
  location: z.string({ message: 'Give the venue' }),
});

/** The meeting form's fields and the API's names for them, so a problem names the field that was sent. */
const API_FIELDS: Record<string, string> = {
  panel: 'organization',
  title: 'name',
  date: 'start',
  time: 'start',
  venue: 'location',
};

export function toApiFieldErrors(errors: FieldError[]): FieldError[] {
  return errors.map((error) => ({ ...error, field: API_FIELDS[error.field] ?? error.field }));
}

/**
 * Reads a new meeting sent as JSON into the meeting form the pages use, so both are checked by the same
 * rules. A start with an offset is an instant, shown in London time; one without is London wall-clock time.
 */
export function parseNewMeetingJson(body: unknown): MeetingForm {
  const input = parseInput(NewMeetingJsonSchema, body);
  const [, day = '', clock = '', offset] = START.exec(input.start) ?? [];
  let date = day;
  let time = clock;
  if (offset) {
    const instant = new Date(`${day}T${clock}:00${offset}`);
    if (Number.isNaN(instant.getTime()) || !z.iso.date().safeParse(day).success)
      throw new ValidationError([{ field: 'start', message: START_MESSAGE }]);
    ({ date, time } = londonDateTimeOf(instant));
  }
  try {
    return parseInput(MeetingFormSchema, {
      panel: input.organization,
      title: input.name,
      date,
      time,
      venue: input.location,
    });
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError(toApiFieldErrors(error.fieldErrors));
    throw error;
  }
}

// What the meetings API sends, named after OParl 1.1: the OpenAPI document is generated from these.

const OrganizationJson = z.object({ type: z.literal('Organization'), id: z.string(), name: z.string() });

const FileJson = z
  .object({
    id: z.int(),
    type: z.literal('File'),
    name: z.string(),
    fileName: z.string(),
    mimeType: z.string(),
    size: z.int(),
    sha256Checksum: z.string(),
    created: z.string(),
    accessUrl: z.string(),
    downloadUrl: z.string(),
    exemptReason: z.string().nullable(),
  })
  .meta({ id: 'File' });

const PersonJson = z
  .union([
    z.object({
      type: z.literal('Person'),
      id: z.int(),
      name: z.string(),
      membership: z.array(
        z.object({
          type: z.literal('Membership'),
          organization: OrganizationJson,
          role: z.string().nullable(),
          onBehalfOf: z.object({ type: z.literal('Organization'), name: z.string() }).nullable(),
        }),
      ),
    }),
    z.object({
      type: z.literal('Person'),
      name: z.string(),
      status: z.array(z.string()),
      substituteFor: z.object({ type: z.literal('Person'), name: z.string() }).optional(),
    }),
  ])
  .meta({ id: 'Person', description: 'A panel member (with their Membership) or another person recorded' });

const MeetingBase = {
  id: z.int(),
  type: z.literal('Meeting'),
  name: z.string(),
  organization: OrganizationJson,
  start: z.string().meta({ description: 'ISO 8601 with the Europe/London offset' }),
  end: z.string().nullable().meta({
    description:
      'ISO 8601 with the Europe/London offset; null where no end is recorded (calendar feeds then assume 2 hours)',
  }),
  location: z.string(),
  meetingState: z.enum(MEETING_STATUSES),
  cancelled: z.boolean(),
  url: z.string(),
  web: z.string(),
  ics: z.string().meta({ description: 'The meeting as iCalendar' }),
  publicQuestions: z
    .object({
      deadline: z.string(),
      rule: z.string(),
      open: z.boolean(),
      minutesAllowed: z.int().nullable().optional(),
      maxQuestionsPerPerson: z.int().nullable().optional(),
      maxLength: z.int().nullable().optional(),
    })
    .nullable(),
};

export const MeetingListJson = z.object({
  meetings: z.array(z.object(MeetingBase).meta({ id: 'MeetingSummary' })),
});

const People = z.array(PersonJson);
const AttendanceJson = z.object({
  present: People,
  substitute: People,
  apologies: People,
  absent: People,
  officer: People,
  other: People,
});

export const MeetingDetailJson = z
  .object({
    ...MeetingBase,
    agendaPack: z.string(),
    auxiliaryFile: z.array(FileJson).meta({ description: 'Papers on the meeting as a whole' }),
    agendaItem: z.array(
      z.object({
        id: z.int().nullable(),
        type: z.literal('AgendaItem'),
        number: z.string(),
        order: z.int(),
        start: z.string().nullable(),
        name: z.string(),
        purpose: z.string().nullable(),
        lead: z.string().nullable(),
        public: z.boolean(),
        exemptReason: z.string().nullable(),
        auxiliaryFile: z.array(FileJson),
      }),
    ),
    participant: z.array(PersonJson).nullable(),
    attendance: AttendanceJson.nullable(),
    declarations: z
      .array(
        z.object({
          person: z.object({ type: z.literal('Person'), id: z.int(), name: z.string() }),
          agendaItem: z.int().nullable(),
          kind: z.enum(DECLARATION_KINDS),
          description: z.string(),
          participation: z.enum(PARTICIPATIONS),
        }),
      )
      .nullable(),
    minutes: MinutesJson.nullable(),
  })
  .meta({ id: 'Meeting' });

export const QuestionReceivedJson = z.object({ status: z.literal('received'), meeting: z.string() });
