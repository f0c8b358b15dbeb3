import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { expectPage } from '../../kernel/testing/expect-page.ts';
import { buildTestApp, TEST_URLS } from '../../kernel/testing/test-app.ts';
import { TestClient } from '../../kernel/testing/test-client.ts';
import { createTestDatabase, type TestDatabase, testEngines } from '../../kernel/testing/test-database.ts';
import { createTestBody, createTestUser, TEST_PASSWORD } from '../accounts/accounts.testing.ts';
import { apiPaths } from '../api/api.paths.ts';
import { performancePaths } from './performance.paths.ts';
import { POLICE_UK_FIXTURES, STREET_HEADER, seedTestForceAreas, streetLine } from './performance.testing.ts';

const GOOD = path.join(POLICE_UK_FIXTURES, 'good');

async function signedIn(app: FastifyInstance, services: Services, role: 'force-analyst' | 'panel-member') {
  const { email } = await createTestUser(services, { role, body: 'routes-pcc' });
  const client = new TestClient(app);
  const response = await client.post('/sign-in', { email, password: TEST_PASSWORD });
  expect(response.statusCode).toBe(303);
  return client;
}

/** Sends a file's bytes as a browser's upload script does: raw body, CSRF token in a header. */
async function upload(
  app: FastifyInstance,
  client: TestClient,
  name: string,
  body: Buffer | string,
  token?: string,
  confirm: string[] = [],
) {
  const csrf = token ?? (await client.csrfToken());
  const cookie = ['peelian_session', 'peelian_csrf']
    .map((cookieName) => `${cookieName}=${client.cookie(cookieName) ?? ''}`)
    .join('; ');
  return app.inject({
    method: 'POST',
    url: `/performance/imports/upload?${new URLSearchParams([['name', name], ...confirm.map((value) => ['confirm', value])])}`,
    payload: body,
    headers: {
      'content-type': 'application/octet-stream',
      accept: 'application/json',
      'x-csrf-token': csrf,
      cookie,
    },
  });
}

async function waitForRun(client: TestClient, runId: number) {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const status = (await client.get(performancePaths.apiImportRun({ id: runId }))).json();
    if (status.status !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`run ${runId} did not finish`);
}

describe.each(testEngines())('police.uk pages and API on %s', (engine) => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let analyst: TestClient;
  let panelMember: TestClient;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedTestForceAreas(database);
    services = buildServices(database, TEST_URLS);
    await createTestBody(database.db, 'routes-pcc');
    const report = await services.performance.imports.importPoliceUk(systemActor('test'), [GOOD], {
      origin: 'command-line',
    });
    expect(report.status).toBe('succeeded');
    app = await buildTestApp(database);
    analyst = await signedIn(app, services, 'force-analyst');
    panelMember = await signedIn(app, services, 'panel-member');
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  describe('the counts API', () => {
    /** The counts for one force's month, asked for by the public API. */
    const counts = (query: { force: string; month: string; by: 'crime-type' | 'outcome' | 'lsoa' }) =>
      app.inject({ method: 'GET', url: performancePaths.apiCounts({}, query) });

    it('counts a month by crime type, anti-social behaviour as its own type flagged as not a crime, largest first', async () => {
      const response = await counts({ force: 'thames-valley', month: '2021-11', by: 'crime-type' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      const crime = (key: string, count: number) => ({
        key,
        count,
        crimes: count,
        antiSocialBehaviour: 0,
        notACrime: false,
        label: key,
      });
      expect(response.json()).toEqual({
        force: 'thames-valley',
        month: '2021-11',
        by: 'crime-type',
        counts: [
          {
            key: 'Anti-social behaviour',
            count: 4,
            crimes: 0,
            antiSocialBehaviour: 4,
            notACrime: true,
            label: 'Anti-social behaviour',
          },
          crime('Violence and sexual offences', 4),
          crime('Public order', 2),
          crime('Criminal damage and arson', 1),
          crime('Drugs', 1),
        ],
        totals: { records: 12, crimes: 8, antiSocialBehaviour: 4 },
      });
    });

    it('counts by last outcome category: "" is a crime with no outcome recorded, never anti-social behaviour', async () => {
      const body = (await counts({ force: 'thames-valley', month: '2021-11', by: 'outcome' })).json();
      expect(body.by).toBe('outcome');
      // The 4 anti-social behaviour incidents have no outcome because they are not crimes: they count apart.
      expect(body.counts).toContainEqual({
        key: 'Anti-social behaviour',
        count: 4,
        crimes: 0,
        antiSocialBehaviour: 4,
        notACrime: true,
        label: 'Anti-social behaviour: not a crime, so police.uk records no outcome for it',
      });
      expect(body.counts.find((row: { key: string }) => row.key === '')).toBeUndefined();
      expect(
        body.counts.every(
          (row: { key: string; notACrime: boolean }) =>
            row.notACrime === (row.key === 'Anti-social behaviour'),
        ),
      ).toBe(true);
      expect(body.counts.reduce((sum: number, row: { count: number }) => sum + row.count, 0)).toBe(12);
      expect(body.totals).toEqual({ records: 12, crimes: 8, antiSocialBehaviour: 4 });
    });

    it('counts by LSOA, records without a location under "", each row split into crimes and anti-social behaviour', async () => {
      const body = (await counts({ force: 'thames-valley', month: '2021-11', by: 'lsoa' })).json();
      expect(body.counts[0]).toMatchObject({ key: '', count: 6, label: 'No location' });
      expect(body.counts[0].crimes + body.counts[0].antiSocialBehaviour).toBe(6);
      expect(body.counts).toContainEqual(expect.objectContaining({ key: 'E01017648', count: 4 }));
      expect(body.counts.reduce((sum: number, row: { crimes: number }) => sum + row.crimes, 0)).toBe(8);
    });

    it('answers a month not loaded with 404 and the months that are', async () => {
      const response = await counts({ force: 'thames-valley', month: '2023-06', by: 'crime-type' });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({
        error:
          'No police.uk street data is loaded for thames-valley in 2023-06. Loaded months: 2021-11, 2025-01.',
        force: 'thames-valley',
        month: '2023-06',
        loadedMonths: ['2021-11', '2025-01'],
      });
    });

    it('refuses a malformed query with 400, and an unknown force with 404, in JSON', async () => {
      for (const query of [
        'force=thames-valley&month=2021-13&by=lsoa',
        'force=thames-valley&month=2021-11&by=ward',
        'month=2021-11&by=lsoa',
      ]) {
        const response = await app.inject({ method: 'GET', url: `/api/v1/police-uk/counts?${query}` });
        expect(response.statusCode, query).toBe(400);
        expect(response.json().error).toEqual(expect.any(String));
      }
      const unknown = await counts({ force: 'atlantis', month: '2021-11', by: 'lsoa' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error).toBe('There is no force area "atlantis".');
    });

    it('is described in the OpenAPI document', async () => {
      const document = (await app.inject({ method: 'GET', url: apiPaths.openApiDocument() })).json();
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining(['/api/v1/police-uk/counts', '/api/v1/police-uk/forces/{force}']),
      );
      const parameters = document.paths['/api/v1/police-uk/counts'].get.parameters.map(
        (p: { name: string }) => p.name,
      );
      expect(parameters).toEqual(['force', 'month', 'by']);
    });
  });

  describe('the public pages', () => {
    it('lists the forces with what is loaded', async () => {
      const page = await app.inject({ method: 'GET', url: performancePaths.forces() });
      expectPage(
        page,
        200,
        'href="/performance/police-uk/thames-valley"',
        '2 months of street-level crime, November 2021 to January 2025',
      );
    });

    it('shows a force: months loaded, crimes by type per month with anti-social behaviour apart, and where they came from', async () => {
      const page = await app.inject({
        method: 'GET',
        url: performancePaths.force({ force: 'thames-valley' }, { year: '2021' }),
      });
      expectPage(
        page,
        200,
        'In November 2021, police.uk recorded 8 crimes in Thames Valley',
        'separately, 4 incidents of anti-social behaviour',
        'Anti-social behaviour (not a crime: not in the total)',
        'Buckinghamshire',
        'Open Government Licence v3.0',
        '/performance/police-uk/thames-valley/crimes-by-type.csv',
      );
      // All twelve months, and a chart of the totals with the table as its alternative.
      expect(page.body).toContain('Dec 2021</th>');
      expect(page.body).toMatch(
        /<svg[^>]*aria-label="Line chart of all crimes recorded in Thames Valley each month of 2021/,
      );
      const other = await app.inject({
        method: 'GET',
        url: performancePaths.force({ force: 'thames-valley' }),
      });
      expect(other.body).toContain('In January 2025');
      expect(
        (await app.inject({ method: 'GET', url: performancePaths.force({ force: 'atlantis' }) })).statusCode,
      ).toBe(404);
    });

    it('downloads the crimes by type as CSV and JSON', async () => {
      const csv = await app.inject({
        method: 'GET',
        url: performancePaths.crimesByTypeCsv({ force: 'thames-valley' }),
      });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toContain('thames-valley-crimes-by-type.csv');
      const lines = csv.body.trim().split('\r\n');
      expect(lines[0]).toBe('force,month,series,crime_type,count');
      expect(lines).toContain('thames-valley,2021-11,crime,Drugs,1');
      expect(lines).toContain('thames-valley,2021-11,anti-social behaviour,Anti-social behaviour,4');
      const json = (
        await app.inject({ method: 'GET', url: performancePaths.apiForce({ force: 'thames-valley' }) })
      ).json();
      expect(
        json.loaded.map((unit: { kind: string; month: string }) => `${unit.month} ${unit.kind}`),
      ).toEqual(['2021-11 street', '2021-12 outcomes', '2024-03 stop-and-search', '2025-01 street']);
      expect(json.antiSocialBehaviour).toContainEqual({ month: '2021-11', count: 4 });
    });
  });

  describe('imports', () => {
    it('keeps the imports pages from the public and from people without the permission', async () => {
      const anonymous = await app.inject({ method: 'GET', url: performancePaths.imports() });
      expect(anonymous.headers.location).toBe('/sign-in?next=%2Fperformance%2Fimports');
      expect((await panelMember.get(performancePaths.imports())).statusCode).toBe(403);
      expect((await panelMember.get(performancePaths.apiImportRun({ id: '1' }))).statusCode).toBe(403);
      const refused = await upload(app, panelMember, '2025-01-thames-valley-street.csv', 'x');
      expect(refused.statusCode).toBe(403);
    });

    it('lists runs with their files, checksums, counts and status for a force analyst', async () => {
      const list = await analyst.get(performancePaths.imports());
      expectPage(list, 200, 'Upload police.uk files');
      expect(list.body).toMatch(/Run \d+/);
      const runId = Number(/href="\/performance\/imports\/(\d+)"/.exec(list.body)?.[1]);
      const run = await analyst.get(performancePaths.importRun({ id: runId }));
      expect(run.statusCode).toBe(200);
      expect(run.body).toMatch(/[0-9a-f]{64}/);
      expect(run.body).toContain('2021-11-thames-valley-street.csv');
      expect(run.body).toContain('Succeeded');
      const status = (await analyst.get(performancePaths.apiImportRun({ id: runId }))).json();
      expect(status).toMatchObject({
        id: runId,
        status: 'succeeded',
        phase: 'done',
        filesTotal: 6,
        filesDone: 6,
      });
      expect(status.files[0]).toMatchObject({
        force: 'thames-valley',
        month: '2021-11',
        kind: 'street',
        rows: 12,
      });
    });

    it('takes an upload from a force analyst, imports it in the background and records it against them', async () => {
      const month = [
        STREET_HEADER,
        streetLine({ id: 1, month: '2024-06', type: 'Burglary', outcome: 'Under investigation' }),
        streetLine({ id: 2, month: '2024-06', type: 'Burglary' }),
        streetLine({ id: null, month: '2024-06', type: 'Anti-social behaviour' }),
      ].join('\r\n');
      const response = await upload(app, analyst, '2024-06-thames-valley-street.csv', `${month}\r\n`);
      expect(response.statusCode).toBe(202);
      const { runId, page } = response.json();
      expect(page).toBe(`/performance/imports/${runId}`);
      const status = await waitForRun(analyst, runId);
      expect(status).toMatchObject({
        status: 'succeeded',
        files: [{ file: '2024-06-thames-valley-street.csv', rows: 3 }],
      });
      const countsBy = async (by: 'crime-type' | 'outcome') =>
        (
          await app.inject({
            method: 'GET',
            url: performancePaths.apiCounts({}, { force: 'thames-valley', month: '2024-06', by }),
          })
        ).json();
      const byType = await countsBy('crime-type');
      expect(
        byType.counts.map(({ key, count, notACrime }: Record<string, unknown>) => ({
          key,
          count,
          notACrime,
        })),
      ).toEqual([
        { key: 'Burglary', count: 2, notACrime: false },
        { key: 'Anti-social behaviour', count: 1, notACrime: true },
      ]);
      // The burglary with a blank outcome is "no outcome recorded"; the anti-social behaviour, which has no
      // outcomes at all, is not put with it.
      const byOutcome = await countsBy('outcome');
      expect(byOutcome.counts).toEqual([
        {
          key: '',
          count: 1,
          crimes: 1,
          antiSocialBehaviour: 0,
          notACrime: false,
          label: 'No outcome recorded',
        },
        {
          key: 'Anti-social behaviour',
          count: 1,
          crimes: 0,
          antiSocialBehaviour: 1,
          notACrime: true,
          label: 'Anti-social behaviour: not a crime, so police.uk records no outcome for it',
        },
        {
          key: 'Under investigation',
          count: 1,
          crimes: 1,
          antiSocialBehaviour: 0,
          notACrime: false,
          label: 'Under investigation',
        },
      ]);
      expect(byOutcome.totals).toEqual({ records: 3, crimes: 2, antiSocialBehaviour: 1 });
      const [run] = await database.sql.query<{ actor_kind: string; origin: string }>(
        'SELECT actor_kind, origin FROM police_uk_import_run WHERE id = $1',
        [runId],
      );
      expect(run).toEqual({ actor_kind: 'user', origin: 'upload' });
      const runPage = await analyst.get(page);
      expect(runPage.body).toContain('Finished: every file was loaded.');
      expect(runPage.body).not.toContain('peelian-upload-');
    });

    it('shows an uploaded file’s rejected rows and loads nothing from it', async () => {
      const bad = await fs.readFile(
        path.join(POLICE_UK_FIXTURES, 'bad/rows/2025-01-thames-valley-street.csv'),
      );
      const response = await upload(app, analyst, '2025-01-thames-valley-street.csv', bad);
      expect(response.statusCode).toBe(202);
      const status = await waitForRun(analyst, response.json().runId);
      expect(status.status).toBe('failed');
      expect(status.error).toMatch(/rows were rejected\. Nothing was imported\./);
      const page = await analyst.get(performancePaths.importRun({ id: status.id }));
      expect(page.body).toContain('Rejected rows in 2025-01-thames-valley-street.csv');
      expect(page.body).toContain('does not match the month of the file, 2025-01');
      const counts = (
        await app.inject({
          method: 'GET',
          url: performancePaths.apiCounts({}, { force: 'thames-valley', month: '2025-01', by: 'crime-type' }),
        })
      ).json();
      expect(counts.counts.reduce((sum: number, row: { count: number }) => sum + row.count, 0)).toBe(8);
    });

    it('asks for confirmation before an uploaded file with no data rows empties a loaded month', async () => {
      const form = await analyst.get(performancePaths.upload());
      expect(form.body).toContain('name="confirm" type="checkbox" value="allow-empty"');
      expect(form.body).toContain('name="confirm" type="checkbox" value="confirm-unusual"');
      const name = '2025-01-thames-valley-street.csv';
      const refused = await waitForRun(
        analyst,
        (await upload(app, analyst, name, `${STREET_HEADER}\r\n`)).json().runId,
      );
      expect(refused.status).toBe('failed');
      expect(refused.error).toMatch(
        /has no data rows, but thames-valley 2025-01 street already holds 8 rows/,
      );
      const page = await analyst.get(performancePaths.importRun({ id: refused.id }));
      expect(page.body).toContain('upload it again and tick the box that confirms it');
      try {
        const response = await upload(app, analyst, name, `${STREET_HEADER}\r\n`, undefined, ['allow-empty']);
        expect(response.statusCode).toBe(202);
        expect((await waitForRun(analyst, response.json().runId)).status).toBe('succeeded');
      } finally {
        await services.performance.imports.importPoliceUk(systemActor('test'), [path.join(GOOD, '2025-01')], {
          origin: 'command-line',
        });
      }
    });

    it('refuses an upload without a CSRF token, with a bad name, or as a form', async () => {
      const noToken = await upload(app, analyst, '2024-06-thames-valley-street.csv', 'x', 'not-the-token');
      expect(noToken.statusCode).toBe(403);
      const badName = await upload(app, analyst, '../etc/passwd', 'x');
      expect(badName.statusCode).toBe(400);
      expect(badName.json().error).toMatch(/^name: Choose a \.csv, \.csv\.gz or \.zip file/);
      const form = await analyst.post(performancePaths.upload({}, { name: 'a.csv' }), { file: 'x' });
      expect(form.statusCode).toBe(400);
    });
  });
});
