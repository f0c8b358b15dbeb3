import { z } from 'zod';
import { clockTime, exemptParagraph, optionalText, orNull, slug, text } from '../scrutiny.file-fields.ts';
import { MEETING_STATUSES, MEMBER_ROLES, NOTICE_KINDS } from '../scrutiny.tables.ts';

const AgendaItemEntry = z.strictObject({
  position: z.number().int().positive(),
  slotTime: orNull(clockTime),
  title: text,
  purpose: optionalText,
  lead: optionalText,
  exemptParagraph: orNull(exemptParagraph),
});

const MeetingEntry = z
  .strictObject({
    title: text,
    date: z.iso.date(),
    time: clockTime,
    // When it ended (or is to end), on the same day, where the minutes or agenda say; left out, it is unknown.
    endTime: orNull(clockTime).optional(),
    venue: text,
    status: z.enum(MEETING_STATUSES),
    agenda: z.array(AgendaItemEntry).default([]),
  })
  .superRefine((meeting, ctx) => {
    // Both are 24-hour HH:MM on the same day, so their text orders as their times do.
    if (meeting.endTime && meeting.endTime <= meeting.time)
      ctx.addIssue({
        code: 'custom',
        path: ['endTime'],
        message: 'the end time must be after the start time',
      });
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
    nominatingAuthority: optionalText,
    termStart: orNull(z.iso.date()),
    termEnd: orNull(z.iso.date()),
  })
  .refine((member) => member.role !== 'co-opted-independent' || member.nominatingAuthority === null, {
    message: 'a co-opted independent member is not nominated by a council',
    path: ['nominatingAuthority'],
  });

/** A body's members, public question scheme and meetings, as a reviewed file (YAML or JSON). */
export const PanelFileSchema = z.strictObject({
  format: z.literal('peelian-scrutiny/1'),
  body: slug,
  questionRules: z
    .strictObject({
      noticeDays: z.number().int().min(0).max(60),
      noticeKind: z.enum(NOTICE_KINDS),
      maxQuestionsPerPerson: orNull(z.number().int().positive()),
      minutesAllowed: orNull(z.number().int().positive()),
      maxQuestionLength: z.number().int().min(50).max(20_000).default(2000),
    })
    // A body takes public questions only when it has a scheme for them.
    .optional(),
  members: z.array(MemberEntry).default([]),
  meetings: z.array(MeetingEntry).default([]),
});
export type PanelFile = z.infer<typeof PanelFileSchema>;
