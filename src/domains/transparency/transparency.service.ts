import { withDeps } from '../../kernel/use-cases.ts';
import type { TransparencyDeps } from './transparency.context.ts';
import { checkAllLinks, checkRecordLink } from './transparency.links.ts';
import { listBodies, listOverdue, readRegister, recordDutyMet } from './transparency.register.ts';
import {
  importContracts,
  importSpendingMonth,
  readContracts,
  readSpending,
} from './transparency.spending.ts';

export type TransparencyService = ReturnType<typeof createTransparencyService>;

/**
 * A policing body's publication duties and the records that meet them: read the register, the overdue list,
 * spending and contracts; record a duty met, check an evidence address, load a month of spending or the
 * contracts register.
 */
export function createTransparencyService(deps: TransparencyDeps) {
  return withDeps(deps, {
    listBodies,
    readRegister,
    listOverdue,
    recordDutyMet,
    checkRecordLink,
    checkAllLinks,
    importSpendingMonth,
    importContracts,
    readSpending,
    readContracts,
  });
}
