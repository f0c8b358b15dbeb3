import { pathTo } from '../../kernel/http/paths.ts';

/** Every URL of funding. A fund is named by its slug; a year's allocation by the financial year ("2017-18"). */
export const fundingPaths = {
  list: pathTo('/funds'),
  fund: pathTo('/funds/:fund'),
  allocation: pathTo('/funds/:fund/allocations/:year'),
  allocationCsv: pathTo('/funds/:fund/allocations/:year.csv'),
  whatIf: pathTo('/funds/:fund/allocations/:year/what-if'),
  record: pathTo('/funds/:fund/allocations/:year/record'),
  letter: pathTo('/funds/:fund/allocations/:year/letters/:area'),
  apiList: pathTo('/api/v1/funds'),
  apiFund: pathTo('/api/v1/funds/:fund'),
  apiAllocation: pathTo('/api/v1/funds/:fund/allocations/:year'),
} as const;
