import type { FastifyPluginAsync } from 'fastify';
import { csvColumns, toCsv } from '../../kernel/formats/csv.ts';
import { PUBLIC } from '../../kernel/http/auth.ts';
import { sendDownload } from '../../kernel/http/download.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { createChartCache } from './judgements.charts.ts';
import { scorecardPaths } from './judgements.paths.ts';
import { MeasureParamsSchema, ScorecardQuerySchema } from './judgements.schemas.ts';
import type { JudgementsService } from './judgements.service.ts';
import {
  toMeasureCsvRows,
  toMeasureJson,
  toMeasurePageView,
  toScorecardJson,
  toScorecardView,
} from './judgements.view-models.ts';
import { judgementViews } from './judgements.views.ts';

type MeasureCsvRow = ReturnType<typeof toMeasureCsvRows>[number];

const MEASURE_CSV = csvColumns<MeasureCsvRow>({
  measure: 'measure',
  indicator: 'indicator',
  area_code: 'area',
  month: 'month',
  value: 'value',
  numerator: 'numerator',
  denominator: 'denominator',
  judged: (row) => (row.judged ? 'yes' : 'no'),
  mean: 'mean',
  lower_limit: 'lowerLimit',
  upper_limit: 'upperLimit',
  rule: 'rule',
  type: 'type',
  unit: 'unit',
  source: 'source',
  provisional: (row) => (row.provisional ? 'yes' : 'no'),
});

/** The public scorecard: every measure of the plan in force, judged, with a page, CSV and JSON per measure. */
export function scorecardRoutes(deps: {
  judgements: JudgementsService;
  areaName: string;
}): FastifyPluginAsync {
  const { judgements, areaName } = deps;
  const charts = createChartCache();

  async function readMeasure(params: unknown, query: unknown) {
    const { code } = parseInput(MeasureParamsSchema, params);
    const { area } = parseInput(ScorecardQuerySchema, query);
    return judgements.readMeasure({ areaName, code, ...(area ? { area } : {}) });
  }

  return async (app) => {
    app.get(scorecardPaths.scorecard.pattern, PUBLIC, async (request, reply) => {
      const { area } = parseInput(ScorecardQuerySchema, request.query);
      const scorecard = await judgements.readScorecard({ areaName, ...(area ? { area } : {}) });
      return reply.render(judgementViews.scorecard, {
        pageTitle: 'Scorecard',
        canManage: judgements.canManage(request.actor),
        ...toScorecardView(scorecard, charts),
      });
    });

    app.get(scorecardPaths.measureCsv.pattern, PUBLIC, async (request, reply) => {
      const detail = await readMeasure(request.params, request.query);
      const csv = toCsv(toMeasureCsvRows(detail), MEASURE_CSV);
      const name = `scorecard-${detail.measure.code}-${detail.area?.code}`;
      return sendDownload(reply, { name, format: 'csv', body: csv });
    });

    app.get(scorecardPaths.measure.pattern, PUBLIC, async (request, reply) => {
      const detail = await readMeasure(request.params, request.query);
      return reply.render(judgementViews.measure, {
        pageTitle: `${detail.measure.code} ${detail.measure.text}`,
        ...toMeasurePageView(detail, charts),
      });
    });

    app.get(scorecardPaths.apiScorecard.pattern, PUBLIC, async (request) => {
      const { area } = parseInput(ScorecardQuerySchema, request.query);
      return toScorecardJson(await judgements.readScorecard({ areaName, ...(area ? { area } : {}) }));
    });

    app.get(scorecardPaths.apiMeasure.pattern, PUBLIC, async (request) =>
      toMeasureJson(await readMeasure(request.params, request.query)),
    );
  };
}
