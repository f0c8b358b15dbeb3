import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import { DomainError } from '../../kernel/errors.ts';
import { toCsv } from '../../kernel/formats/csv.ts';
import { PUBLIC, requires } from '../../kernel/http/auth.ts';
import { sendDownload } from '../../kernel/http/download.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { routeGroups } from '../../kernel/http/route-groups.ts';
import { performancePaths } from './performance.paths.ts';
import {
  CountsQuerySchema,
  ForcePageQuerySchema,
  ForceParamsSchema,
  type ForceSeriesJson,
  RunParamsSchema,
  RunsQuerySchema,
  UploadQuerySchema,
} from './performance.schemas.ts';
import type { PerformanceServices } from './performance.services.ts';
import {
  toForceIndexView,
  toForcePageView,
  toImportRunStatus,
  toImportRunsView,
  toImportRunView,
} from './performance.view-models.ts';
import { performanceViews } from './performance.views.ts';
import { MonthNotLoadedError } from './police-uk-data.service.ts';
import { tempDirPrefix } from './police-uk-import.service.ts';

const READ_IMPORTS = requires('imports:read');
const RUN_IMPORTS = requires('imports:run');

/** The largest upload accepted: a month of every force's files, zipped, is far smaller. */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

/** Bodies an upload may arrive as: the file's own bytes, streamed to disk as they come. */
const UPLOAD_TYPES = [
  'application/octet-stream',
  'application/zip',
  'application/x-zip-compressed',
  'application/gzip',
  'text/csv',
];

class UploadError extends DomainError {
  constructor(message: string) {
    super(message, 400);
  }
}

type PoliceUkData = PerformanceServices['policeUk'];
type Imports = PerformanceServices['imports'];

/** Public police.uk pages and the counts API; the imports pages and the upload for force analysts. */
export function performanceRoutes(deps: { performance: PerformanceServices }): FastifyPluginAsync {
  const { imports, policeUk } = deps.performance;
  return routeGroups(
    forcePages(policeUk),
    forceDownloads(policeUk),
    policeDataApi(policeUk),
    importPages(policeUk, imports),
    uploadRoutes(imports),
  );
}

/** The public pages: the forces with data, and a force's figures. */
function forcePages(policeUk: PoliceUkData): FastifyPluginAsync {
  return async (app) => {
    app.get(performancePaths.forces.pattern, PUBLIC, async (_request, reply) => {
      const forces = await policeUk.listForcesWithData();
      return reply.render(performanceViews.forces, {
        pageTitle: 'Police data from police.uk',
        ...toForceIndexView(forces),
      });
    });

    app.get(performancePaths.force.pattern, PUBLIC, async (request, reply) => {
      const { force } = parseInput(ForceParamsSchema, request.params);
      const { year } = parseInput(ForcePageQuerySchema, request.query);
      const view = toForcePageView(await policeUk.forceData(force, year));
      return reply.render(performanceViews.force, {
        pageTitle: `${view.force.name}: police.uk data`,
        ...view,
      });
    });
  };
}

/** A force's figures as CSV files. */
function forceDownloads(policeUk: PoliceUkData): FastifyPluginAsync {
  return async (app) => {
    app.get(performancePaths.crimesByTypeCsv.pattern, PUBLIC, async (request, reply) => {
      const { force } = parseInput(ForceParamsSchema, request.params);
      const csv = crimesByTypeCsv(force, await policeUk.forceSeries(force));
      return sendDownload(reply, { name: `${force}-crimes-by-type`, format: 'csv', body: csv });
    });

    app.get(performancePaths.crimesByAuthorityCsv.pattern, PUBLIC, async (request, reply) => {
      const { force } = parseInput(ForceParamsSchema, request.params);
      const csv = crimesByAuthorityCsv(force, await policeUk.forceAuthoritySeries(force));
      return sendDownload(reply, { name: `${force}-crimes-by-local-authority`, format: 'csv', body: csv });
    });
  };
}

function crimesByTypeCsv(force: string, data: Awaited<ReturnType<PoliceUkData['forceSeries']>>): string {
  const rows = [
    ...data.crimesByType.map((row) => ({ ...row, series: 'crime' })),
    ...data.antiSocialBehaviour.map((row) => ({
      ...row,
      key: 'Anti-social behaviour',
      series: 'anti-social behaviour',
    })),
  ].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.series < b.series ? 1 : -1));
  return toCsv(rows, [
    { header: 'force', value: () => force },
    { header: 'month', value: (row) => row.month.slice(0, 7) },
    { header: 'series', value: (row) => row.series },
    { header: 'crime_type', value: (row) => row.key },
    { header: 'count', value: (row) => row.count },
  ]);
}

function crimesByAuthorityCsv(
  force: string,
  data: Awaited<ReturnType<PoliceUkData['forceAuthoritySeries']>>,
): string {
  return toCsv(data.crimesByAuthority, [
    { header: 'force', value: () => force },
    { header: 'month', value: (row) => row.month.slice(0, 7) },
    { header: 'local_authority_code', value: (row) => row.localAuthorityCode },
    {
      header: 'local_authority',
      value: (row) =>
        row.lsoaMissing
          ? 'No location given'
          : (row.localAuthorityName ?? 'Not matched to a local authority'),
    },
    { header: 'crimes', value: (row) => row.count },
  ]);
}

/** The public JSON API: a force's series, and counts by area and month. */
function policeDataApi(policeUk: PoliceUkData): FastifyPluginAsync {
  return async (app) => {
    app.get(
      performancePaths.apiForce.pattern,
      PUBLIC,
      async (request): Promise<z.input<typeof ForceSeriesJson>> => {
        const { force } = parseInput(ForceParamsSchema, request.params);
        return toForceSeriesJson(force, await policeUk.forceSeries(force));
      },
    );

    app.get(performancePaths.apiCounts.pattern, PUBLIC, async (request, reply) => {
      const query = parseInput(CountsQuerySchema, request.query);
      try {
        return await policeUk.countStreetRecords(query);
      } catch (error) {
        if (!(error instanceof MonthNotLoadedError)) throw error;
        return reply.code(404).send({
          error: error.message,
          force: error.force,
          month: error.month,
          loadedMonths: error.loadedMonths,
        });
      }
    });
  };
}

function toForceSeriesJson(
  force: string,
  data: Awaited<ReturnType<PoliceUkData['forceSeries']>>,
): z.input<typeof ForceSeriesJson> {
  return {
    force,
    name: data.force.name,
    source: 'police.uk street-level crime, outcomes and stop and search files (Open Government Licence v3.0)',
    loaded: data.units.map((unit) => ({
      kind: unit.kind,
      month: unit.month.slice(0, 7),
      rows: unit.rows,
      sha256: unit.sha256,
      importRun: unit.runId,
      loadedAt: unit.loadedAt.toISOString(),
    })),
    crimesByType: data.crimesByType.map((row) => ({
      month: row.month.slice(0, 7),
      crimeType: row.key,
      count: row.count,
    })),
    antiSocialBehaviour: data.antiSocialBehaviour.map((row) => ({
      month: row.month.slice(0, 7),
      count: row.count,
    })),
  };
}

/** For force analysts: the import runs, a run's page and status, and the upload form. */
function importPages(policeUk: PoliceUkData, imports: Imports): FastifyPluginAsync {
  return async (app) => {
    app.get(performancePaths.imports.pattern, READ_IMPORTS, async (request, reply) => {
      const { page } = parseInput(RunsQuerySchema, request.query);
      const list = await policeUk.listRuns(request.actor, page);
      return reply.render(performanceViews.imports, {
        pageTitle: 'Police data imports',
        canUpload: imports.canRun(request.actor),
        ...toImportRunsView(list),
      });
    });

    app.get(performancePaths.upload.pattern, RUN_IMPORTS, async (_request, reply) =>
      reply.render(performanceViews.upload, {
        pageTitle: 'Upload police.uk data',
        maxMegabytes: MAX_UPLOAD_BYTES / 1024 / 1024,
      }),
    );

    app.get(performancePaths.importRun.pattern, READ_IMPORTS, async (request, reply) => {
      const { id } = parseInput(RunParamsSchema, request.params);
      const view = toImportRunView(await policeUk.getRun(request.actor, id));
      return reply.render(performanceViews.importRun, { pageTitle: `Import run ${id}`, ...view });
    });

    app.get(performancePaths.apiImportRun.pattern, READ_IMPORTS, async (request) => {
      const { id } = parseInput(RunParamsSchema, request.params);
      return toImportRunStatus(await policeUk.getRun(request.actor, id, 1000));
    });
  };
}

/**
 * The upload takes the file's own bytes as the body (no multipart), streamed to a temporary folder. Its
 * content-type parser stays inside this group (each group is a plugin of its own).
 */
function uploadRoutes(imports: Imports): FastifyPluginAsync {
  return async (uploads) => {
    uploads.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));
    uploads.post(performancePaths.upload.pattern, RUN_IMPORTS, async (request, reply) => {
      const { name, confirm } = parseInput(UploadQuerySchema, request.query);
      if (!(request.body instanceof Readable)) {
        throw new UploadError('Send the file itself as the request body, as application/octet-stream.');
      }
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), tempDirPrefix('upload')));
      try {
        await saveUpload(request.body, path.join(dir, name));
      } catch (error) {
        await fs.rm(dir, { recursive: true, force: true });
        throw error;
      }
      const { runId, finished } = await imports.startPoliceUkImport(request.actor, [path.join(dir, name)], {
        origin: 'upload',
        allowEmpty: confirm.includes('allow-empty'),
        confirmUnusual: confirm.includes('confirm-unusual'),
        hidePrefix: `${dir}${path.sep}`,
        requestId: request.id,
      });
      void finished.finally(() => fs.rm(dir, { recursive: true, force: true }).catch(() => {}));
      return reply.code(202).send({
        runId,
        page: performancePaths.importRun({ id: runId }),
        status: performancePaths.apiImportRun({ id: runId }),
      });
    });
  };
}

async function saveUpload(body: Readable, file: string): Promise<void> {
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > MAX_UPLOAD_BYTES)
        callback(new UploadError(`The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024 / 1024} GB.`));
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(body, limit, createWriteStream(file));
  } catch (error) {
    if (error instanceof UploadError) throw error;
    throw new UploadError(`The upload did not arrive whole (${(error as Error).message}). Try again.`);
  }
}
