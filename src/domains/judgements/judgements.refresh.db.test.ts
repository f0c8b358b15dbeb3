import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../composition.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createPerformanceServices } from '../performance/index.ts';
import {
  failCopyInto,
  STREET_HEADER,
  streetLine,
  writeTestFiles,
} from '../performance/performance.testing.ts';
import { JUDGEMENTS_SEARCH } from './judgements.search.ts';
import {
  FORCE,
  indicatorValuesByMonth,
  KSI_SERIES,
  OXFORD,
  OXFORDSHIRE,
  READING,
  seedScorecardFixture,
} from './judgements.testing.ts';

const actor = systemActor('test');

/** What the indicators are rebuilt from, besides a successful import: a lookup file, and a failed import. */
describe.each(testEngines())('rebuilding indicators on %s', (engine) => {
  const database = useTestDatabase(engine);
  let services: Services;

  beforeAll(async () => {
    services = await seedScorecardFixture(database.current);
  });

  const values = (slug: string, area: string) => indicatorValuesByMonth(database.current, slug, area);

  async function refreshedAt(slug: string) {
    const row = await database.current.db
      .selectFrom('indicator')
      .select('refreshedAt')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    return row.refreshedAt?.getTime();
  }

  it('rebuilds figures by local authority when a lookup file moves an LSOA to another authority', async () => {
    // The fixture's Reading LSOA was placed by its name; the file puts it in Oxford instead.
    expect(await values('t-burglary', READING)).toEqual({ '2025-01': 3, '2025-02': 1, '2025-04': 2 });
    const forceWideBefore = await refreshedAt('t-ksi');
    const files = await writeTestFiles({
      'lookup.csv': 'LSOA21CD,LSOA21NM,LAD22CD,LAD22NM\nE01016300,Reading 001A,E07000178,Oxford\n',
    });
    try {
      const loaded = await services.performance.lookups.loadLsoaLookupFile(actor, `${files.dir}/lookup.csv`);
      expect(loaded).toMatchObject({ rows: 1, reassigned: 1 });
      expect(await values('t-burglary', READING)).toEqual({ '2025-01': 0, '2025-02': 0, '2025-04': 0 });
      expect(await values('t-burglary', OXFORD)).toEqual({ '2025-01': 3, '2025-02': 1, '2025-04': 2 });
      // Oxford's county gains them too; the force-wide figures stay as they were.
      expect(await values('t-priority', OXFORDSHIRE)).toEqual({ '2025-01': 5, '2025-02': 1, '2025-04': 2 });
      expect(await values('t-burglary', FORCE)).toEqual({ '2025-01': 3, '2025-02': 1, '2025-04': 2 });
      // A force-wide series does not depend on where an LSOA lies, so it is left alone.
      expect(await refreshedAt('t-ksi')).toBe(forceWideBefore);

      const rebuiltAt = await refreshedAt('t-burglary');
      const again = await services.performance.lookups.loadLsoaLookupFile(actor, `${files.dir}/lookup.csv`);
      expect(again.reassigned).toBe(0);
      expect(await refreshedAt('t-burglary')).toBe(rebuiltAt);
    } finally {
      await files.remove();
    }
  });

  it('rebuilds from the months an import did load when a later file of the run fails to load', async () => {
    // A real database that refuses the second street COPY of the run, as a server failing mid-run would.
    const broken = createPerformanceServices({
      database: {
        ...database.current,
        sql: failCopyInto(database.current.sql, 'police_uk_street_record', 2),
      },
      areas: services.areas,
      policy: services.policy,
      afterLoad: services.judgements.refreshAfterPoliceUkLoad,
    });
    const files = await writeTestFiles({
      '2025-05/2025-05-thames-valley-street.csv': `${[
        STREET_HEADER,
        streetLine({ id: 5001, month: '2025-05', type: 'Burglary', lsoa: ['E01016301', 'Reading 002B'] }),
      ].join('\n')}\n`,
      '2025-06/2025-06-thames-valley-street.csv': `${[
        STREET_HEADER,
        streetLine({ id: 6001, month: '2025-06', type: 'Burglary', lsoa: ['E01016301', 'Reading 002B'] }),
      ].join('\n')}\n`,
    });
    try {
      const report = await broken.imports.importPoliceUk(actor, [files.dir], { origin: 'command-line' });
      expect(report.status).toBe('failed');
      // The loading error is the one reported, unchanged by the rebuild that followed it.
      expect(report.error).toMatch(
        /^Loading .*2025-06-thames-valley-street\.csv failed: injected failure\. The 1 file before it was loaded; the rest were not\.$/,
      );
      expect(report.files.map((file) => file.status)).toEqual(['loaded', 'failed']);
    } finally {
      await files.remove();
    }
    // May loaded: it is in the figures, force-wide and, its LSOA placed by name, for Reading.
    expect(await values('t-burglary', FORCE)).toEqual({
      '2025-01': 3,
      '2025-02': 1,
      '2025-04': 2,
      '2025-05': 1,
    });
    expect((await values('t-burglary', READING))['2025-05']).toBe(1);
    const audit = await database.current.db
      .selectFrom('auditEvent')
      .select('after')
      .where('recordType', '=', 'police_uk_import_run')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect((audit.after as { files: { unit: string }[] }).files.map((file) => file.unit)).toEqual([
      'thames-valley 2025-05 street',
    ]);
  });

  it("records a measure's first reading as a starting point and a later move as a change the public lists find", async () => {
    const moves = () =>
      database.current.db
        .selectFrom('measureJudgementChange')
        .select(['measureCode', 'previousJudgement', 'judgement', 'summary'])
        .where('measureCode', '=', 'PC3.M1')
        .orderBy('id')
        .execute();
    // The fixture's rebuild read every measure of the plan in force once: starting points, not moves.
    const [start, ...none] = await moves();
    expect(start).toMatchObject({ previousJudgement: null, judgement: 'awaiting-data' });
    expect(none).toEqual([]);

    // Fourteen months of killed or seriously injured: the measure's first figures start its record.
    await services.judgements.importSeries(actor, 't-ksi', 'ksi.csv', KSI_SERIES);
    const [, first] = await moves();
    expect(first).toMatchObject({ previousJudgement: null });
    expect(first?.judgement).not.toBe('awaiting-data');

    // The same months without the last one's spike: the judgement moves.
    const calmer = KSI_SERIES.replace(/,30\n$/, ',10\n');
    expect(calmer).not.toBe(KSI_SERIES);
    await services.judgements.importSeries(actor, 't-ksi', 'ksi.csv', calmer);
    const [, , moved, ...more] = await moves();
    expect(moved).toMatchObject({ previousJudgement: first?.judgement });
    expect(moved?.judgement).not.toBe(first?.judgement);
    expect(moved?.summary).toMatch(/^Measure PC3\.M1 is now .+ \(was .+\)$/);
    expect(more).toEqual([]);

    // Rebuilding the same figures again moves nothing.
    await services.judgements.refreshIndicators({});
    expect(await moves()).toHaveLength(3);

    const { id: forceAreaId } = await database.current.db
      .selectFrom('forceArea')
      .select('id')
      .where('gssCode', '=', FORCE)
      .executeTakeFirstOrThrow();
    const listed = await services.search.dated([JUDGEMENTS_SEARCH], {
      kinds: ['judgement-change'],
      forceAreaId,
      order: 'newest',
      limit: 10,
    });
    expect(listed).toEqual([
      expect.objectContaining({ title: moved?.summary, url: '/scorecard/measures/PC3.M1' }),
    ]);
  });
});
