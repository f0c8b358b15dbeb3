import { view } from '../../kernel/http/views.ts';
import type { NewPackPageModel, PackPageModel, PacksPageModel } from './packs.view-models.ts';

export const VIEWS = {
  packs: view<PacksPageModel>('packs/views/packs.njk'),
  pack: view<PackPageModel>('packs/views/pack.njk'),
  newPack: view<NewPackPageModel>('packs/views/new-pack.njk'),
};
