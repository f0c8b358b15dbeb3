import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import { buildTestApp } from '../../kernel/testing/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../kernel/testing/test-database.ts';
import { apiPaths } from '../api/api.paths.ts';
import { scorecardPaths } from './judgements.paths.ts';

describe('POST /api/v1/spc', () => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    app = await buildTestApp(database);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const spc = (payload: unknown) =>
    app.inject({ method: 'POST', url: scorecardPaths.apiSpc(), payload: payload as object });

  it('gives the README’s example the answer the README explains: a shift, firm limits, an improvement', async () => {
    const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    const example = /-d '(\{[^']*"values"[^']*\})'/.exec(readme)?.[1];
    if (!example) throw new Error('README has no SPC example');
    const body = (await spc(JSON.parse(example))).json();
    expect(body).toMatchObject({ mean: 50, variation: 'improvement', trialLimits: false });
    const rules = body.points.map((point: { rule: string | null }) => point.rule);
    expect(rules.slice(0, 13)).toEqual(Array(13).fill(null));
    expect(rules.slice(13)).toEqual(Array(8).fill('shift'));
    expect(readme).toContain('the last eight months are each labelled "shift"');
  });

  it('judges a series: limits, each point with its rule and type, the last point’s variation', async () => {
    // Twelve points around 10, then one far above: outside the limits, and bad news when lower is better.
    const values = [10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 11, 9, 30];
    const response = await spc({ values, improvement: 'decrease' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.points).toHaveLength(13);
    expect(body.points[12]).toEqual({ value: 30, rule: 'outside-limits', type: 'concern', segment: 0 });
    expect(body.points[0]).toEqual({ value: 10, rule: null, type: 'common-cause', segment: 0 });
    expect(body.variation).toBe('concern');
    expect(body.trialLimits).toBe(false);
    expect(body.lowerLimit).toBeLessThan(body.mean);
    expect(body.upperLimit).toBeGreaterThan(body.mean);
  });

  it('labels limits from fewer than 13 points as trial, and neutral measures high or low', async () => {
    const body = (
      await spc({ values: [1, 2, 3, 4, 5, 6, 7], improvement: 'neutral', screenOutliers: false })
    ).json();
    expect(body.trialLimits).toBe(true);
    // Mean 4, average moving range 1: limits 4 ± 2.66, so 1 and 7 fall outside; the rest form a trend.
    expect(body.points[0]).toEqual({ value: 1, rule: 'outside-limits', type: 'neutral-low', segment: 0 });
    expect(body.points[3]).toEqual({ value: 4, rule: 'trend', type: 'neutral-high', segment: 0 });
    expect(body.points[6]).toEqual({ value: 7, rule: 'outside-limits', type: 'neutral-high', segment: 0 });
    expect(body.variation).toBe('neutral-high');
  });

  it('takes no moving range across a gap the caller names, so a missing month does not widen the limits', async () => {
    // Two months' change across the gap before index 4 (12 → 20) would add a moving range of 8. Without it the
    // five ranges are each 2: limits are the mean 106/7 ± 2.66 × 2.
    const values = [10, 12, 10, 12, 20, 22, 20];
    const bridged = (await spc({ values, improvement: 'neutral', gapsBefore: [4] })).json();
    expect(bridged.segments).toEqual([
      expect.objectContaining({ start: 0, end: 7, movingRanges: 5, trialLimits: true }),
    ]);
    expect(bridged.mean).toBeCloseTo(106 / 7, 10);
    expect(bridged.upperLimit).toBeCloseTo(106 / 7 + 2.66 * 2, 10);
    const consecutive = (await spc({ values, improvement: 'neutral' })).json();
    expect(consecutive.segments[0].movingRanges).toBe(6);
    expect(consecutive.upperLimit).toBeCloseTo(106 / 7 + 2.66 * 3, 10);
  });

  it('gives each segment its own limits where the caller recalculates, and the last one at the top level', async () => {
    const values = [10, 11, 9, 10, 11, 9, 30, 31, 29, 30, 31, 29];
    const body = (await spc({ values, improvement: 'increase', recalculateAt: [6] })).json();
    expect(
      body.segments.map((segment: { start: number; mean: number }) => [segment.start, segment.mean]),
    ).toEqual([
      [0, 10],
      [6, 30],
    ]);
    expect(body.mean).toBe(30);
    expect(body.points[5].segment).toBe(0);
    expect(body.points[6].segment).toBe(1);
  });

  it.each([
    [{ improvement: 'increase' }, 'values'],
    [{ values: [1, 2, 3], improvement: 'increase', gapsBefore: [0] }, 'gapsBefore'],
    [{ values: [1, 2, 3], improvement: 'increase', gapsBefore: [2, 1] }, 'gapsBefore'],
    [{ values: [1, 2, 3], improvement: 'increase', gapsBefore: [1.5] }, 'gapsBefore.0'],
    [{ values: [1, 2, 3], improvement: 'increase', recalculateAt: [3] }, 'recalculateAt'],
    [{ values: [], improvement: 'increase' }, 'values'],
    [{ values: [1, 'two', 3], improvement: 'increase' }, 'values.1'],
    [{ values: [1, 2], improvement: 'up' }, 'improvement'],
    [{ values: Array.from({ length: 10_001 }, () => 1), improvement: 'increase' }, 'values'],
    [{ values: [1, 2, 3], improvement: 'increase', baselinePoints: 6 }, 'baselinePoints'],
    [{ values: [1, 2, 3], improvement: 'increase', baselinePoints: 12 }, 'baselinePoints'],
  ])('refuses %j with 400 naming the field %s', async (payload, field) => {
    const response = await spc(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('refuses non-finite numbers, which JSON cannot carry but a body can try', async () => {
    const response = await app.inject({
      method: 'POST',
      url: scorecardPaths.apiSpc(),
      headers: { 'content-type': 'application/json' },
      payload: '{"values":[1,2,1e999],"improvement":"increase"}',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.map((error: { field: string }) => error.field)).toEqual(['values.2']);
  });

  it('is in the OpenAPI document', async () => {
    const document = (await app.inject({ method: 'GET', url: apiPaths.openApiDocument() })).json();
    expect(document.paths['/api/v1/spc'].post.summary).toMatch(/statistical process control/);
  });
});
