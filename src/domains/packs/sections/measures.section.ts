import { type JudgementsService, toIndicatorFigure } from '../../judgements/index.ts';
import type { PackBlock, PackContribution, PackSectionProvider } from '../packs.content.ts';
import { lastMonthOf } from '../packs.quarters.ts';

/**
 * Each measure of the plan version, its indicators judged by SPC on the months up to the quarter's end, with
 * the chart and its table: what the scorecard says, as it stood when the quarter closed.
 */
export function measuresSection(judgements: JudgementsService): PackSectionProvider {
  return {
    key: 'measures',
    heading: 'Measures',
    generalHeading: null,
    emptyText: 'This priority has no measures in the plan.',
    async draw(scope): Promise<PackContribution> {
      const scorecard = await judgements.readPlanVersionScorecard({
        planSlug: scope.plan.slug,
        versionNumber: scope.plan.version,
        throughMonth: lastMonthOf(scope.quarter),
      });
      const byPriority = new Map<string, PackBlock[]>();
      for (const measure of scorecard?.measures ?? []) {
        const areaName = scorecard?.area?.name ?? '';
        const blocks = byPriority.get(measure.priorityCode) ?? [];
        blocks.push({
          kind: 'measure',
          code: measure.code,
          text: measure.text,
          figures: measure.indicators.map((judged) => toIndicatorFigure(judged, measure.direction, areaName)),
        });
        byPriority.set(measure.priorityCode, blocks);
      }
      return { byPriority, general: [] };
    },
  };
}
