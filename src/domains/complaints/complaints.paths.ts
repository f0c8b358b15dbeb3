import { pathTo } from '../../kernel/http/paths.ts';

/** Every URL of the complaints: public counts per Panel, and the Panel officers' confidential case register. */
export const complaintsPaths = {
  index: pathTo('/complaints'),
  panel: pathTo('/complaints/:panel'),
  apiPanel: pathTo('/api/v1/complaints/:panel'),
  cases: pathTo('/complaints/:panel/cases'),
  add: pathTo('/complaints/:panel/cases/new'),
  case: pathTo('/complaints/:panel/cases/:id'),
  edit: pathTo('/complaints/:panel/cases/:id/edit'),
} as const;
