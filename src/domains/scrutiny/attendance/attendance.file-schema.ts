import { z } from 'zod';
import { DECLARATION_KINDS, PARTICIPATIONS } from '../scrutiny-interests.tables.ts';

const text = z.string().trim().min(1);
const optional = z
  .string()
  .trim()
  .min(1)
  .nullish()
  .transform((value) => value ?? null);

/** A person who is not on the panel's member list, with what they attend for. */
const Named = z.strictObject({ name: text, capacity: optional });

/** A member by the exact name on the panel's list, or anyone else by name and capacity. */
const MemberOrNamed = z.union([text, Named]);

const MeetingRecordEntry = z.strictObject({
  date: z.iso.date(),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  present: z.array(text).default([]),
  apologies: z.array(MemberOrNamed).default([]),
  absent: z.array(text).default([]),
  substitutes: z.array(z.strictObject({ name: text, for: text, capacity: optional })).default([]),
  officers: z.array(Named).default([]),
  others: z.array(Named).default([]),
  declarations: z
    .array(
      z.strictObject({
        member: text,
        item: z
          .number()
          .int()
          .positive()
          .nullish()
          .transform((value) => value ?? null),
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
  body: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  meetings: z.array(MeetingRecordEntry).min(1),
});
export type AttendanceFile = z.infer<typeof AttendanceFileSchema>;
