import { describe, expect, it } from 'vitest';
import { buildServices } from '../../composition.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { TEST_URLS } from '../../kernel/testing/test-app.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { KSI_SERIES, seedScorecardFixture } from './judgements.testing.ts';

const AREA = { areaName: 'Thames Valley' };

function latestKsi(
  scorecard: Awaited<ReturnType<ReturnType<typeof buildServices>['judgements']['readScorecard']>>,
) {
  const measure = scorecard.measures.find((entry) => entry.code === 'PC3.M1');
  return measure?.indicators[0]?.points.at(-1)?.value;
}

describe.each(testEngines())('the scorecard kept in memory on %s', (engine) => {
  const database = useTestDatabase(engine);

  it('answers again from memory while nothing changes, and follows a change made by another process', async () => {
    const reader = await seedScorecardFixture(database.current, { ksi: true });
    const first = await reader.judgements.readScorecard(AREA);
    expect(latestKsi(first)).toBe(30);
    // Unchanged inputs: the very same object, read from memory.
    expect(await reader.judgements.readScorecard(AREA)).toBe(first);

    // Another process (its own services, no shared memory) replaces the series through the database.
    const writer = buildServices(database.current, TEST_URLS);
    await writer.judgements.importSeries(
      systemActor('test'),
      't-ksi',
      'ksi.csv',
      KSI_SERIES.replace(',30\n', ',12\n'),
    );
    const second = await reader.judgements.readScorecard(AREA);
    expect(second).not.toBe(first);
    expect(latestKsi(second)).toBe(12);

    // A change to the plan (not the indicators) is seen too.
    const [changed] = await database.current.db
      .updateTable('planMeasure')
      .set({ text: 'Fewer people killed or seriously injured' })
      .where('code', '=', 'PC3.M1')
      .returning('id')
      .execute();
    expect(changed).toBeDefined();
    const third = await reader.judgements.readScorecard(AREA);
    expect(third.measures.find((entry) => entry.code === 'PC3.M1')?.text).toBe(
      'Fewer people killed or seriously injured',
    );
  });
});

describe.each(testEngines())('the scorecard kept in memory, as areas change, on %s', (engine) => {
  const database = useTestDatabase(engine);

  it('follows a change to a local authority through the change signal areas publishes', async () => {
    const reader = await seedScorecardFixture(database.current);
    const first = await reader.judgements.readScorecard(AREA);
    const authority = first.authorities[0];
    expect(authority).toBeDefined();
    expect(await reader.judgements.readScorecard(AREA)).toBe(first);

    await database.current.db
      .updateTable('localAuthority')
      .set({ name: 'Renamed District' })
      .where('gssCode', '=', authority?.code ?? '')
      .execute();
    const second = await reader.judgements.readScorecard(AREA);
    expect(second.authorities.map((entry) => entry.name)).toContain('Renamed District');
  });
});
