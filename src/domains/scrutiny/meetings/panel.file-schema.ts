import { z } from 'zod';
import { MEETING_STATUSES, MEMBER_ROLES, NOTICE_KINDS } from '../scrutiny.tables.ts';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const text = z.string().trim().min(1);
const optional = z
  .string()
  .trim()
  .min(1)
  .nullish()
  .transform((value) => value ?? null);

const AgendaItemEntry = z.strictObject({
  position: z.number().int().positive(),
  slotTime: z
    .string()
    .regex(TIME)
    .nullish()
    .transform((value) => value ?? null),
  title: text,
  purpose: optional,
  lead: optional,
  exemptParagraph: z
    .number()
    .int()
    .min(1)
    .max(7)
    .nullish()
    .transform((value) => value ?? null),
});

const MeetingEntry = z
  .strictObject({
    title: text,
    date: z.iso.date(),
    time: z.string().regex(TIME),
    venue: text,
    status: z.enum(MEETING_STATUSES),
    agenda: z.array(AgendaItemEntry).default([]),
  })
  .superRefine((meeting, ctx) => {
    const seen = new Set<number>();
    for (const [index, item] of meeting.agenda.entries()) {
      if (seen.has(item.position))
        ctx.addIssue({
          code: 'custom',
          path: ['agenda', index, 'position'],
          message: `item ${item.position} appears twice on the agenda`,
        });
      seen.add(item.position);
    }
  });

const MemberEntry = z
  .strictObject({
    name: text,
    role: z.enum(MEMBER_ROLES),
    nominatingAuthority: optional,
    termStart: z.iso
      .date()
      .nullish()
      .transform((value) => value ?? null),
    termEnd: z.iso
      .date()
      .nullish()
      .transform((value) => value ?? null),
  })
  .refine((member) => member.role !== 'co-opted-independent' || member.nominatingAuthority === null, {
    message: 'a co-opted independent member is not nominated by a council',
    path: ['nominatingAuthority'],
  });

/** A body's members, public question scheme and meetings, as a reviewed file (YAML or JSON). */
export const PanelFileSchema = z.strictObject({
  format: z.literal('peelian-scrutiny/1'),
  body: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  questionRules: z
    .strictObject({
      noticeDays: z.number().int().min(0).max(60),
      noticeKind: z.enum(NOTICE_KINDS),
      maxQuestionsPerPerson: z
        .number()
        .int()
        .positive()
        .nullish()
        .transform((value) => value ?? null),
      minutesAllowed: z
        .number()
        .int()
        .positive()
        .nullish()
        .transform((value) => value ?? null),
      maxQuestionLength: z.number().int().min(50).max(20_000).default(2000),
    })
    // A body takes public questions only when it has a scheme for them.
    .optional(),
  members: z.array(MemberEntry).default([]),
  meetings: z.array(MeetingEntry).default([]),
});
export type PanelFile = z.infer<typeof PanelFileSchema>;
