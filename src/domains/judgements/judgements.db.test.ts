import { describe, expect, it } from 'vitest';
import type { Services } from '../../composition.ts';
import { ANONYMOUS, systemActor } from '../../kernel/auth/actor.ts';
import { userWith } from '../../kernel/auth/auth.testing.ts';
import { ForbiddenError, ValidationError } from '../../kernel/errors.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { STREET_HEADER, streetLine, writeTestFiles } from '../performance/performance.testing.ts';
import { parseIndicatorFile } from './indicators.files.ts';
import {
  FORCE,
  indicatorValuesByMonth,
  KSI_SERIES,
  OXFORD,
  OXFORDSHIRE,
  READING,
  seedScorecardFixture,
  TEST_INDICATORS,
} from './judgements.testing.ts';

const actor = systemActor('test');

async function fieldsOf(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors;
    throw error;
  }
  throw new Error('it was accepted');
}

describe.each(testEngines())('indicators on %s', (engine) => {
  const database = useTestDatabase(engine);
  let services: Services;

  const values = (slug: string, area: string) => indicatorValuesByMonth(database.current, slug, area);

  it('materialises each indicator from the police.uk roll-ups: exact values by month and area', async () => {
    services = await seedScorecardFixture(database.current);
    expect(await values('t-burglary', FORCE)).toEqual({ '2025-01': 3, '2025-02': 1, '2025-04': 2 });
    expect(await values('t-burglary', READING)).toEqual({ '2025-01': 3, '2025-02': 1, '2025-04': 2 });
    expect(await values('t-burglary', OXFORD)).toEqual({ '2025-01': 0, '2025-02': 0, '2025-04': 0 });
    // The vehicle crime without a location counts for the force, not for any authority.
    expect(await values('t-priority', FORCE)).toEqual({ '2025-01': 6, '2025-02': 1, '2025-04': 2 });
    expect(await values('t-priority', OXFORDSHIRE)).toEqual({ '2025-01': 2, '2025-02': 0, '2025-04': 0 });
    expect(await values('t-priority-rate', FORCE)).toEqual({
      '2025-01': 0.06,
      '2025-02': 0.01,
      '2025-04': 0.02,
    });
    expect(await values('t-priority-rate', OXFORD)).toEqual({ '2025-01': 0.1, '2025-02': 0, '2025-04': 0 });
    // No population for Oxfordshire: no rate, rather than a guess.
    expect(await values('t-priority-rate', OXFORDSHIRE)).toEqual({});
    // Anti-social behaviour, its own series: never among the crimes above.
    expect(await values('t-asb', FORCE)).toEqual({ '2025-01': 4, '2025-02': 2, '2025-04': 1 });
    expect(await values('t-burglary-charged', FORCE)).toEqual({
      '2025-01': 100 / 3,
      '2025-02': 0,
      '2025-04': 100,
    });
    expect(await values('t-ksi', FORCE)).toEqual({});
  });

  it('rebuilds the indicators when a police.uk import loads a month', async () => {
    const files = await writeTestFiles({
      '2025-03/2025-03-thames-valley-street.csv': `${[
        STREET_HEADER,
        streetLine({ id: 9001, month: '2025-03', type: 'Burglary', lsoa: ['E01016300', 'Reading 001A'] }),
      ].join('\n')}\n`,
    });
    try {
      const report = await services.performance.imports.importPoliceUk(actor, [files.dir], {
        origin: 'command-line',
      });
      expect(report.status).toBe('succeeded');
    } finally {
      await files.remove();
    }
    expect(await values('t-burglary', FORCE)).toEqual({
      '2025-01': 3,
      '2025-02': 1,
      '2025-03': 1,
      '2025-04': 2,
    });
    expect(await values('t-asb', FORCE)).toMatchObject({ '2025-03': 0 });
  });

  it('imports a series, refusing a gap or a repeated month and saving nothing then', async () => {
    expect(
      await fieldsOf(
        services.judgements.importSeries(actor, 't-ksi', 'ksi.csv', 'month,value\n2025-01,1\n2025-03,2\n'),
      ),
    ).toEqual([{ field: 'ksi.csv line 3, month', message: expect.stringMatching(/2025-02 is missing/) }]);
    expect(
      await fieldsOf(services.judgements.importSeries(actor, 't-burglary', 'ksi.csv', KSI_SERIES)),
    ).toEqual([
      { field: 'indicator', message: expect.stringMatching(/^t-burglary is a crime-count indicator/) },
    ]);
    expect(await values('t-ksi', FORCE)).toEqual({});
    const result = await services.judgements.importSeries(actor, 't-ksi', 'ksi.csv', KSI_SERIES);
    expect(result).toMatchObject({
      months: 14,
      from: '2024-01',
      to: '2025-02',
      refresh: { refreshed: 1, failed: [] },
    });
    expect(Object.keys(await values('t-ksi', FORCE))).toHaveLength(14);
    const shorter = await services.judgements.importSeries(
      actor,
      't-ksi',
      'ksi.csv',
      'month,value\n2025-05,4\n',
    );
    expect(shorter.months).toBe(1);
    expect(await values('t-ksi', FORCE)).toEqual({ '2025-05': 4 });
  });

  it('refuses a population file naming an area Peelian does not know, saving nothing', async () => {
    const before = await database.current.db.selectFrom('populationEstimate').selectAll().execute();
    const text = `area_code,year,population\n${READING},2026,10\nE06999999,2026,20\n`;
    expect(await fieldsOf(services.judgements.importPopulation(actor, 'people.csv', text))).toEqual([
      {
        field: 'people.csv line 3, area_code',
        message: 'E06999999 is not a force area or local authority in Peelian',
      },
    ]);
    expect(await database.current.db.selectFrom('populationEstimate').selectAll().execute()).toEqual(before);
  });

  it('rebuilds rates when populations change', async () => {
    await services.judgements.importPopulation(
      actor,
      'people.csv',
      `area_code,year,population\n${FORCE},2025,50000\n`,
    );
    expect((await values('t-priority-rate', FORCE))['2025-01']).toBe(0.12);
  });

  it('reloads a definition: unchanged changes nothing; a change is audited and rebuilt', async () => {
    const file = parseIndicatorFile(TEST_INDICATORS, 'test.yaml');
    expect(await services.judgements.loadIndicatorFile(actor, file, 'test.yaml')).toMatchObject({
      indicators: 6,
      changed: 0,
      refresh: { refreshed: 0 },
    });
    const changed = parseIndicatorFile(
      TEST_INDICATORS.replace(
        'crimeTypes: [Burglary]\n    source: police.uk test files\n    unit: crimes\n',
        'crimeTypes: [Burglary, Shoplifting]\n    source: police.uk test files\n    unit: crimes\n',
      ),
      'test.yaml',
    );
    expect(await services.judgements.loadIndicatorFile(actor, changed, 'test.yaml')).toMatchObject({
      changed: 1,
      refresh: { refreshed: 1 },
    });
    expect((await values('t-burglary', FORCE))['2025-01']).toBe(5);
    const audit = await database.current.db
      .selectFrom('auditEvent')
      .select(['action', 'after'])
      .where('recordType', '=', 'indicator')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('update');
    expect(audit.after).toMatchObject({ slug: 't-burglary', crimeTypes: ['Burglary', 'Shoplifting'] });
  });

  it('refuses a link to a plan or measure that does not exist, and a force area that does not, saving nothing', async () => {
    const bad = parseIndicatorFile(
      TEST_INDICATORS.replace('measure: PPR1.M1', 'measure: PPR9.M9')
        .replace(`plan: thames-valley-2024-2029, measure: PC4.M1`, 'plan: no-such-plan, measure: PC4.M1')
        .replace('slug: t-burglary\n', 'slug: t-new\n'),
      'bad.yaml',
    );
    expect(await fieldsOf(services.judgements.loadIndicatorFile(actor, bad, 'bad.yaml'))).toEqual([
      {
        field: 'bad.yaml, indicators.0.measures.0.measure',
        message: 'PPR9.M9 is not a measure of thames-valley-2024-2029',
      },
      {
        field: 'bad.yaml, indicators.3.measures.0.plan',
        message: 'names no-such-plan, which is not a plan in Peelian',
      },
    ]);
    const elsewhere = parseIndicatorFile(
      TEST_INDICATORS.replace('forceArea: thames-valley', 'forceArea: atlantis'),
      'x.yaml',
    );
    expect(await fieldsOf(services.judgements.loadIndicatorFile(actor, elsewhere, 'x.yaml'))).toEqual([
      { field: 'x.yaml, forceArea', message: 'names atlantis, which is not a force area in Peelian' },
    ]);
    expect(
      await database.current.db.selectFrom('indicator').select('slug').where('slug', '=', 't-new').execute(),
    ).toEqual([]);
  });

  it('lets only those allowed manage indicators', async () => {
    await expect(services.judgements.importPopulation(ANONYMOUS, 'p.csv', 'x')).rejects.toThrow(
      ForbiddenError,
    );
    await expect(
      services.judgements.loadIndicatorFile(
        userWith({ role: 'panel-member', bodyId: 1 }),
        parseIndicatorFile(TEST_INDICATORS, 'test.yaml'),
        'test.yaml',
      ),
    ).rejects.toThrow(ForbiddenError);
  });
});
