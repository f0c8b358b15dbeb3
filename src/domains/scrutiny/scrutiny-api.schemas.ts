import { z } from 'zod';
import { londonDateTimeOf } from '../../kernel/calendar/index.ts';
import { type FieldError, ValidationError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { type MeetingForm, MeetingFormSchema } from './scrutiny.schemas.ts';

const START = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::00)?(Z|[+-]\d{2}:\d{2})?$/;
const START_MESSAGE =
  'Give the start as ISO 8601 to the minute, e.g. 2027-02-03T11:00:00+00:00, or 2027-02-03T11:00 for London time';

/** A new meeting through the API, with OParl's names: organization (the panel), name, start, location. */
export const NewMeetingJsonSchema = z.object({
  organization: z.string({ message: 'Give the panel’s identifier, e.g. thames-valley-panel' }),
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
