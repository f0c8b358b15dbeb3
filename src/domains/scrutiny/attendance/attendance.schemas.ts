import { z } from 'zod';
import { type FieldError, ValidationError } from '../../../kernel/errors.ts';
import { optionalText, recordId, requiredText } from '../../../kernel/http/form-fields.ts';
import { MeetingIdParams } from '../scrutiny.schemas.ts';
import { MEMBER_ATTENDANCE_KINDS, type MemberAttendanceKind } from '../scrutiny-attendance.tables.ts';

export const AttendanceIdParams = MeetingIdParams.extend({ attendanceId: recordId });

/** People recorded by name: substitutes, officers, others present, and apologies from non-members. */
export const ATTENDEE_KINDS = ['substitute', 'officer', 'other', 'apologies'] as const;

export const AttendeeFormSchema = z
  .object({
    attendedAs: z.enum(ATTENDEE_KINDS, { message: 'Select how the person attended' }),
    name: requiredText(200, 'Enter the person’s name', 'Name'),
    capacity: optionalText(200, 'Role or organisation'),
    substituteFor: z
      .union([z.literal(''), recordId], { message: 'Select the member the substitute stands in for' })
      .default('')
      .transform((value) => (value === '' ? null : value)),
  })
  .superRefine((form, ctx) => {
    if (form.attendedAs === 'substitute' && form.substituteFor === null)
      ctx.addIssue({
        code: 'custom',
        path: ['substituteFor'],
        message: 'Select the member the substitute stands in for',
      });
    if (form.attendedAs !== 'substitute' && form.substituteFor !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['substituteFor'],
        message: 'Only a substitute stands in for a member: leave this empty',
      });
  });
export type AttendeeForm = z.infer<typeof AttendeeFormSchema>;

/** The form field for one member's attendance. */
export const memberField = (memberId: number) => `member-${memberId}`;

/**
 * Each listed member's attendance from the form (`member-<id>`: present, apologies, absent, or empty for
 * not recorded). Every unreadable choice is reported against its own field.
 */
export function parseMemberAttendance(
  body: Record<string, unknown>,
  memberIds: number[],
): Map<number, MemberAttendanceKind | null> {
  const choices = new Map<number, MemberAttendanceKind | null>();
  const problems: FieldError[] = [];
  for (const id of memberIds) {
    const value = body[memberField(id)] ?? '';
    if (value === '') choices.set(id, null);
    else if (typeof value === 'string' && (MEMBER_ATTENDANCE_KINDS as readonly string[]).includes(value))
      choices.set(id, value as MemberAttendanceKind);
    else
      problems.push({ field: memberField(id), message: 'Select present, apologies, absent or not recorded' });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return choices;
}
