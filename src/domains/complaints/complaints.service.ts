import { withDeps } from '../../kernel/use-cases.ts';
import type { ComplaintsDeps } from './complaints.context.ts';
import { listIndex, readCase, readCounts, readNewCaseForm, readRegister } from './complaints.read.ts';
import { createCase, purgeExpired, saveCase, setTimescales } from './complaints.write.ts';

export type ComplaintsService = ReturnType<typeof createComplaintsService>;

/** Complaints about the Commissioner: the confidential register, its time limits, the public counts, the purge. */
export function createComplaintsService(deps: ComplaintsDeps) {
  return withDeps(deps, {
    listIndex,
    readCounts,
    readRegister,
    readCase,
    readNewCaseForm,
    createCase,
    saveCase,
    setTimescales,
    purgeExpired,
  });
}
