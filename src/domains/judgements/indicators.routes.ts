import path from 'node:path';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { ValidationError } from '../../kernel/errors.ts';
import { requires } from '../../kernel/http/auth.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import {
  toIndicatorsView,
  toPopulationLoadedView,
  toSeriesLoadedView,
  toSeriesOptions,
} from './indicators.view-models.ts';
import { scorecardPaths } from './judgements.paths.ts';
import {
  IndicatorsQuerySchema,
  PopulationLoadedQuerySchema,
  RebuildFormSchema,
  SeriesFormQuerySchema,
  SeriesLoadedQuerySchema,
  SeriesUploadQuerySchema,
  UploadQuerySchema,
} from './judgements.schemas.ts';
import type { JudgementsService } from './judgements.service.ts';
import { judgementViews } from './judgements.views.ts';

const MANAGE = requires('indicators:manage');

/** Population and series files are small: every local authority's residents for decades fit in far less. */
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const MAX_UPLOAD_MEGABYTES = MAX_UPLOAD_BYTES / 1024 / 1024;

/**
 * Bodies an upload may arrive as. As for police.uk imports and papers, the browser sends the file's own bytes
 * as the body (with its name and the form's other fields in the query string); the CLI's parsers read the text.
 */
const UPLOAD_TYPES = ['application/octet-stream', 'text/csv'];

/** Refuses a file declared too large before reading it, with a message for the person uploading. */
async function refuseTooLarge(request: FastifyRequest) {
  if (Number(request.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES)
    throw new ValidationError([
      { field: 'file', message: `The file is larger than ${MAX_UPLOAD_MEGABYTES} MB` },
    ]);
}

function uploadedText(body: unknown): string {
  if (typeof body !== 'string')
    throw new ValidationError([
      { field: 'file', message: 'Send the CSV file itself as the request body, as application/octet-stream' },
    ]);
  return body;
}

/**
 * The indicators' management pages, for OPCC officers and force analysts: every indicator and how its values
 * stand, a rebuild button, and browser uploads of population figures and series (the CLI's `peelian import
 * population` and `peelian import series`, through the same service and parsers).
 */
export function indicatorRoutes(deps: { judgements: JudgementsService }): FastifyPluginAsync {
  const { judgements } = deps;

  return async (app) => {
    app.get(scorecardPaths.indicators.pattern, MANAGE, async (request, reply) => {
      const { rebuilt } = parseInput(IndicatorsQuerySchema, request.query);
      const indicators = await judgements.listIndicatorsToManage(request.actor);
      return reply.render(judgementViews.indicators, {
        pageTitle: 'Indicators',
        ...toIndicatorsView(indicators, rebuilt),
      });
    });

    app.post(scorecardPaths.rebuild.pattern, MANAGE, async (request, reply) => {
      const { slug } = parseInput(RebuildFormSchema, request.body);
      await judgements.rebuildIndicator(request.actor, slug, request.id);
      return reply.redirect(scorecardPaths.indicators({}, { rebuilt: slug }), 303);
    });

    app.get(scorecardPaths.population.pattern, MANAGE, async (_request, reply) =>
      reply.render(judgementViews.populationUpload, {
        pageTitle: 'Upload population figures',
        maxMegabytes: MAX_UPLOAD_MEGABYTES,
      }),
    );

    app.get(scorecardPaths.populationLoaded.pattern, MANAGE, async (request, reply) => {
      const { file } = parseInput(PopulationLoadedQuerySchema, request.query);
      const load = await judgements.readPopulationLoad(request.actor, file);
      return reply.render(judgementViews.populationLoaded, {
        pageTitle: 'Population figures loaded',
        ...toPopulationLoadedView(load),
      });
    });

    app.get(scorecardPaths.series.pattern, MANAGE, async (request, reply) => {
      const { indicator } = parseInput(SeriesFormQuerySchema, request.query);
      const series = await judgements.listIndicatorsToManage(request.actor, 'series');
      return reply.render(judgementViews.seriesUpload, {
        pageTitle: 'Upload a series',
        hasSeries: series.length > 0,
        indicatorItems: toSeriesOptions(series, indicator),
        maxMegabytes: MAX_UPLOAD_MEGABYTES,
      });
    });

    app.get(scorecardPaths.seriesLoaded.pattern, MANAGE, async (request, reply) => {
      const { indicator } = parseInput(SeriesLoadedQuerySchema, request.query);
      const load = await judgements.readSeriesLoad(request.actor, indicator);
      return reply.render(judgementViews.seriesLoaded, {
        pageTitle: 'Series loaded',
        ...toSeriesLoadedView(load),
      });
    });

    await app.register(async (uploads) => {
      uploads.addContentTypeParser(
        UPLOAD_TYPES,
        { parseAs: 'string', bodyLimit: MAX_UPLOAD_BYTES },
        (_request, body, done) => done(null, body),
      );
      const upload = { ...MANAGE, bodyLimit: MAX_UPLOAD_BYTES, preParsing: refuseTooLarge };

      uploads.post(scorecardPaths.population.pattern, upload, async (request, reply) => {
        const { name } = parseInput(UploadQuerySchema, request.query);
        const text = uploadedText(request.body);
        const result = await judgements.importPopulation(request.actor, name, text, request.id);
        const page = scorecardPaths.populationLoaded({}, { file: path.basename(name) });
        return reply.code(201).send({ ...result, page });
      });

      uploads.post(scorecardPaths.series.pattern, upload, async (request, reply) => {
        const { name, indicator } = parseInput(SeriesUploadQuerySchema, request.query);
        const text = uploadedText(request.body);
        const result = await judgements.importSeries(request.actor, indicator, name, text, request.id);
        const page = scorecardPaths.seriesLoaded({}, { indicator });
        return reply.code(201).send({ ...result, page });
      });
    });
  };
}
