import { pathTo } from '../../kernel/http/paths.ts';

/** Every URL of transparency. A policing body is named by its slug. */
export const transparencyPaths = {
  index: pathTo('/transparency'),
  overdue: pathTo('/transparency/overdue'),
  compliance: pathTo('/transparency/:body'),
  complianceCsv: pathTo('/transparency/:body/duties.csv'),
  recordDuty: pathTo('/transparency/:body/duties/record'),
  checkLink: pathTo('/transparency/:body/duties/records/:record/check'),
  spending: pathTo('/transparency/:body/spending'),
  spendingCsv: pathTo('/transparency/:body/spending.csv'),
  contracts: pathTo('/transparency/:body/contracts'),
  contractsCsv: pathTo('/transparency/:body/contracts.csv'),
  apiDuties: pathTo('/api/v1/transparency/:body/duties'),
  apiSpending: pathTo('/api/v1/transparency/:body/spending'),
  apiContracts: pathTo('/api/v1/transparency/:body/contracts'),
} as const;
