import { type PageModel, view } from '../../kernel/http/views.ts';
import type {
  toForceIndexView,
  toForcePageView,
  toImportRunsView,
  toImportRunView,
} from './performance.view-models.ts';

/** The police.uk and imports pages, each bound to the model it is rendered with. */
export const performanceViews = {
  forces: view<PageModel & ReturnType<typeof toForceIndexView>>('performance/views/police-uk-forces.njk'),
  force: view<PageModel & ReturnType<typeof toForcePageView>>('performance/views/police-uk-force.njk'),
  imports: view<PageModel & { canUpload: boolean } & ReturnType<typeof toImportRunsView>>(
    'performance/views/imports.njk',
  ),
  upload: view<PageModel & { maxMegabytes: number }>('performance/views/import-upload.njk'),
  importRun: view<PageModel & ReturnType<typeof toImportRunView>>('performance/views/import-run.njk'),
};
