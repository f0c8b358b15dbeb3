import { pathTo } from '../../../kernel/http/paths.ts';

/** Every URL of the work programme, for its routes, view models and tests. */
export const workProgrammePaths = {
  programme: pathTo('/scrutiny/work-programme'),
  new: pathTo('/scrutiny/work-programme/new'),
  entry: pathTo('/scrutiny/work-programme/:id'),
  edit: pathTo('/scrutiny/work-programme/:id/edit'),
  delete: pathTo('/scrutiny/work-programme/:id/delete'),
} as const;
