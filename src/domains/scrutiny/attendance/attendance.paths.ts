import { pathTo } from '../../../kernel/http/paths.ts';

/** Every URL of a meeting's attendance and declarations page, for its routes, view models and tests. */
export const attendancePaths = {
  attendance: pathTo('/meetings/:id/attendance'),
  members: pathTo('/meetings/:id/attendance/members'),
  people: pathTo('/meetings/:id/attendance/people'),
  personDelete: pathTo('/meetings/:id/attendance/people/:attendanceId/delete'),
  declarations: pathTo('/meetings/:id/declarations'),
  declarationDelete: pathTo('/meetings/:id/declarations/:declarationId/delete'),
} as const;
