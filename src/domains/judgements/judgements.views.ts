import { type PageModel, view } from '../../kernel/http/views.ts';
import type {
  toIndicatorsView,
  toPopulationLoadedView,
  toSeriesLoadedView,
  toSeriesOptions,
} from './indicators.view-models.ts';
import type { toMeasurePageView, toScorecardView } from './judgements.view-models.ts';

type Upload = { maxMegabytes: number };

/** The scorecard and indicators pages, each bound to the model it is rendered with. */
export const judgementViews = {
  scorecard: view<PageModel & { canManage: boolean } & ReturnType<typeof toScorecardView>>(
    'judgements/views/scorecard.njk',
  ),
  measure: view<PageModel & ReturnType<typeof toMeasurePageView>>('judgements/views/measure.njk'),
  indicators: view<PageModel & ReturnType<typeof toIndicatorsView>>('judgements/views/indicators.njk'),
  populationUpload: view<PageModel & Upload>('judgements/views/population-upload.njk'),
  populationLoaded: view<PageModel & ReturnType<typeof toPopulationLoadedView>>(
    'judgements/views/population-loaded.njk',
  ),
  seriesUpload: view<
    PageModel & Upload & { hasSeries: boolean; indicatorItems: ReturnType<typeof toSeriesOptions> }
  >('judgements/views/series-upload.njk'),
  seriesLoaded: view<PageModel & ReturnType<typeof toSeriesLoadedView>>('judgements/views/series-loaded.njk'),
};
