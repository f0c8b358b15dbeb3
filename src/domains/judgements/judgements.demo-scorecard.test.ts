import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoTestDatabase } from '../../kernel/testing/demo-snapshot.ts';
import { buildTestApp } from '../../kernel/testing/test-app.ts';
import type { TestDatabase } from '../../kernel/testing/test-database.ts';
import { scorecardPaths } from './judgements.paths.ts';

/**
 * The demo scorecard as a new user sees it. Its police.uk months run January to December 2025 with July
 * missing (as police.uk published them for the demo), after older months separated by long gaps: every
 * police.uk measure must still give a reading, provisional while it has fewer than 13 months, and name July
 * 2025. The demo is loaded once a run into PGlite (kernel/testing/demo-snapshot.ts), so this file runs there;
 * loading it takes minutes on a busy machine, hence the long hook timeout.
 */
describe('the demo scorecard, judged across July 2025', () => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createDemoTestDatabase();
    app = await buildTestApp(database);
  }, 900_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('gives every police.uk indicator a reading, provisional with its reason, and names the missing month', async () => {
    const scorecard = (await app.inject({ method: 'GET', url: scorecardPaths.apiScorecard() })).json();
    const policeUk = scorecard.measures
      .flatMap((measure: { indicators: Record<string, unknown>[] }) => measure.indicators)
      .filter((indicator: { kind: string }) => indicator.kind !== 'series');
    expect(policeUk.length).toBeGreaterThan(0);
    for (const indicator of policeUk) {
      expect(indicator.judgement, String(indicator.slug)).not.toMatch(/^(trial|awaiting-data)$/);
      // Eleven months present, fewer than the 13 firm limits need: a provisional reading.
      expect(indicator).toMatchObject({
        provisional: true,
        trialLimits: true,
        period: { from: '2025-01', to: '2025-12', months: 11, missingMonths: ['2025-07'] },
      });
    }

    const page = await app.inject({ method: 'GET', url: scorecardPaths.scorecard() });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Trial — too few points');
    expect(page.body).toContain('January 2025 to December 2025 (11 months; no figures for July 2025)');
    expect(page.body).toMatch(/\(provisional\)/);
  });

  it('explains the provisional reading and shows the gap in the chart and its table', async () => {
    const scorecard = (await app.inject({ method: 'GET', url: scorecardPaths.apiScorecard() })).json();
    const measure = scorecard.measures.find((candidate: { indicators: { kind: string }[] }) =>
      candidate.indicators.some((indicator) => indicator.kind !== 'series'),
    );
    const page = await app.inject({ method: 'GET', url: scorecardPaths.measure({ code: measure.code }) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      'Provisional, because the limits come from only 11 months and firm limits need 13',
    );
    expect(page.body).toContain('There are no figures for July 2025.');
    expect(page.body).toContain('The line breaks at July 2025, which has no figures.');
    expect(page.body).toMatch(
      /July 2025<\/th>\s*<td class="govuk-table__cell" colspan="\d">No figures: a gap of 1 month/,
    );
  });
});
