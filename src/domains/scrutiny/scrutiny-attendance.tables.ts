import type { Database, Narrowed } from '../../kernel/db/table-types.ts';

export const ATTENDANCE_KINDS = ['present', 'apologies', 'absent', 'substitute', 'officer', 'other'] as const;
export type AttendanceKind = (typeof ATTENDANCE_KINDS)[number];

/** How a member is recorded when they are on the panel's list of members. */
export const MEMBER_ATTENDANCE_KINDS = ['present', 'apologies', 'absent'] as const;
export type MemberAttendanceKind = (typeof MEMBER_ATTENDANCE_KINDS)[number];

export interface ScrutinyAttendanceTables
  extends Narrowed<
    Pick<Database, 'meetingAttendance'>,
    {
      meetingAttendance: {
        kind: AttendanceKind;
      };
    }
  > {}
