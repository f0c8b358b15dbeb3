import { withDeps } from '../../../kernel/use-cases.ts';
import type { ScrutinyDeps } from '../scrutiny.context.ts';
import { importAttendanceFile } from './attendance.import.ts';
import {
  addAttendee,
  listMeetingAttendance,
  readAttendancePage,
  recordMemberAttendance,
  removeAttendee,
} from './attendance.record.ts';

export type ScrutinyAttendanceService = ReturnType<typeof createScrutinyAttendanceService>;

/**
 * Who attended a meeting: the panel's members (present, apologies or absent), substitutes standing in for
 * a member, officers supporting the panel, and others present such as the Commissioner. Recorded by the
 * scrutiny officer; public once the meeting has been held. Each use-case is a function of its deps
 * (attendance.record, .import); this object hands them to the routes with the deps given.
 */
export function createScrutinyAttendanceService(deps: ScrutinyDeps) {
  return withDeps(deps, {
    listMeetingAttendance,
    readAttendancePage,
    recordMemberAttendance,
    addAttendee,
    removeAttendee,
    importAttendanceFile,
  });
}
