import { withDeps } from '../../../kernel/use-cases.ts';
import type { ScrutinyRecordsDeps } from '../scrutiny.context.ts';
import {
  applyWorkProgrammeFile,
  createEntry,
  deleteEntry,
  readEntry,
  readProgramme,
  updateEntry,
} from './work-programme.entries.ts';

export type WorkProgrammeService = ReturnType<typeof createWorkProgrammeService>;

/**
 * The work programme: for each planned meeting, its main focus and the other items it will take. Entries are
 * kept by the London date of the meeting, and linked to the meeting record once there is one on that day.
 * Each use-case is a function of its deps (work-programme.entries); this object hands them to the routes and
 * the records service with the deps given.
 */
export function createWorkProgrammeService(deps: ScrutinyRecordsDeps) {
  return {
    ...withDeps(deps, {
      readProgramme,
      readEntry,
      createEntry,
      updateEntry,
      deleteEntry,
    }),
    applyFile: applyWorkProgrammeFile,
  };
}
