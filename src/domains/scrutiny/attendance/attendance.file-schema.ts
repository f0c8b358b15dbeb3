import { z } from 'zod';
import { clockTime, optionalText, orNull, slug, text } from '../scrutiny.file-fields.ts';
import { DECLARATION_KINDS, PARTICIPATIONS } from '../scrutiny-interests.tables.ts';

/** A person who is not on the panel's member list, with what they attend for. */
const Named = z.strictObject({ name: text, capacity: optionalText });

/** A member by the exact name on the panel's list, or anyone else by name and capacity. */
const MemberOrNamed = z.union([text, Named]);

const MeetingRecordEntry = z.strictObject({
  date: z.iso.date(),
  time: clockTime,
  present: z.array(text).default([]),
  apologies: z.array(MemberOrNamed).default([]),
  absent: z.array(text).default([]),
  substitutes: z.array(z.strictObject({ name: text, for: text, capacity: optionalText })).default([]),
  officers: z.array(Named).default([]),
  others: z.array(Named).default([]),
  declarations: z
    .array(
      z.strictObject({
        member: text,
        item: orNull(z.number().int().positive()),
        kind: z.enum(DECLARATION_KINDS),
        description: text,
        participation: z.enum(PARTICIPATIONS),
      }),
    )
    .default([]),
});
export type MeetingRecordEntry = z.infer<typeof MeetingRecordEntry>;

/** Who attended a panel's meetings and what they declared, as a reviewed file (YAML or JSON). */
export const AttendanceFileSchema = z.strictObject({
  format: z.literal('peelian-scrutiny-attendance/1'),
  body: slug,
  meetings: z.array(MeetingRecordEntry).min(1),
});
export type AttendanceFile = z.infer<typeof AttendanceFileSchema>;
