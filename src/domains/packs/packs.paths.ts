import { pathTo } from '../../kernel/http/paths.ts';

/** Every URL of the performance packs. */
export const packPaths = {
  list: pathTo('/packs'),
  add: pathTo('/packs/new'),
  pack: pathTo('/packs/:id'),
  pdf: pathTo('/packs/:id/pack.pdf'),
  issue: pathTo('/packs/:id/issue'),
  apiList: pathTo('/api/v1/packs'),
  apiPack: pathTo('/api/v1/packs/:id'),
} as const;
