import type { Generated } from 'kysely';

export const ATTENDANCE_KINDS = ['present', 'apologies', 'absent', 'substitute', 'officer', 'other'] as const;
export type AttendanceKind = (typeof ATTENDANCE_KINDS)[number];

/** How a member is recorded when they are on the panel's list of members. */
export const MEMBER_ATTENDANCE_KINDS = ['present', 'apologies', 'absent'] as const;
export type MemberAttendanceKind = (typeof MEMBER_ATTENDANCE_KINDS)[number];

export interface ScrutinyAttendanceTables {
  meeting_attendance: {
    id: Generated<number>;
    meeting_id: number;
    kind: AttendanceKind;
    member_id: number | null;
    name: string | null;
    capacity: string | null;
    substitute_for_member_id: number | null;
    position: number;
  };
}
