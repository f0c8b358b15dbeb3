import { type PageModel, view } from '../../kernel/http/views.ts';
import type { toHomeView } from './portal.view-models.ts';

/** The portal's pages, each bound to the model it is rendered with. */
export const portalViews = {
  home: view<PageModel & ReturnType<typeof toHomeView>>('portal/views/home.njk'),
  accessibility: view<PageModel>('portal/views/accessibility.njk'),
  privacy: view<PageModel>('portal/views/privacy.njk'),
};
