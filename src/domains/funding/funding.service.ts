import { withDeps } from '../../kernel/use-cases.ts';
import { readAllocation, readLetter, recordAllocation, whatIf } from './funding.allocation.ts';
import type { FundingDeps } from './funding.context.ts';
import { importFundsFile } from './funding.import.ts';
import { listFunds, readFund } from './funding.read.ts';

export type FundingService = ReturnType<typeof createFundingService>;

/**
 * A policing body's funds: load them from a file; read the funds, a year's formula allocation, the what-if
 * view of other weights, and each authority's letter; record an allocation.
 */
export function createFundingService(deps: FundingDeps) {
  return withDeps(deps, {
    importFundsFile,
    listFunds,
    readFund,
    readAllocation,
    whatIf,
    recordAllocation,
    readLetter,
  });
}
