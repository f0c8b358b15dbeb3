import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../kernel/auth/actor.ts';
import { createPolicy } from '../../kernel/auth/policy.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { PERFORMANCE_POLICY } from './performance.policy.ts';
import { createPerformanceServices, type PerformanceServices } from './performance.services.ts';
import { STREET_HEADER, seedTestForceAreas, streetLine, writeTestFiles } from './performance.testing.ts';

const actor = systemActor('cli:tester');

describe.each(testEngines())('LSOA lookup on %s', (engine) => {
  const database = useTestDatabase(engine);
  let services: PerformanceServices;

  beforeAll(async () => {
    const areas = await seedTestForceAreas(database.current);
    services = createPerformanceServices({
      database: database.current,
      areas,
      policy: createPolicy({ ...PERFORMANCE_POLICY }),
    });
  });

  async function lookupRows() {
    return database.current.sql.query<Record<string, string | null>>(
      `SELECT lsoa_code, local_authority_code, local_authority_name, community_safety_partnership_code, source
         FROM lsoa_local_authority ORDER BY lsoa_code`,
    );
  }

  it('derives authorities from LSOA names on import, then lets a lookup file replace them', async () => {
    const { dir, remove } = await writeTestFiles({
      '2025-03/2025-03-thames-valley-street.csv': [
        STREET_HEADER,
        streetLine({
          id: 1,
          month: '2025-03',
          type: 'Burglary',
          lsoa: ['E01016252', 'Bracknell Forest 001C'],
        }),
        streetLine({
          id: 2,
          month: '2025-03',
          type: 'Burglary',
          lsoa: ['E01022553', 'Basingstoke and Deane 001A'],
        }),
        '',
      ].join('\n'),
      'lookup.csv': [
        'LSOA21CD,LSOA21NM,LAD22CD,LAD22NM,CSP22CD,CSP22NM',
        'E01016252,Bracknell Forest 001C,E06000036,Bracknell Forest,E22000100,Bracknell Forest CSP',
        'E01022553,Basingstoke and Deane 001A,E07000084,Basingstoke and Deane,,',
        '',
      ].join('\r\n'),
      'bad-lookup.csv':
        'LSOA21CD,LAD22CD,LAD22NM\nE01000001,E06000001,Hartlepool\nE0100000,E06000001,Hartlepool\n',
    });
    try {
      const report = await services.imports.importPoliceUk(actor, [`${dir}/2025-03`], {
        origin: 'command-line',
      });
      expect(report.status).toBe('succeeded');
      expect(await lookupRows()).toEqual([
        {
          lsoa_code: 'E01016252',
          local_authority_code: 'E06000036',
          local_authority_name: 'Bracknell Forest',
          community_safety_partnership_code: null,
          source: 'lsoa-name',
        },
      ]);

      const loaded = await services.lookups.loadLsoaLookupFile(actor, `${dir}/lookup.csv`);
      expect(loaded).toMatchObject({ rows: 2, localAuthorities: 2, communitySafetyPartnerships: 1 });
      expect(
        (await lookupRows()).map((row) => [row.lsoa_code, row.community_safety_partnership_code, row.source]),
      ).toEqual([
        ['E01016252', 'E22000100', 'lookup-file'],
        ['E01022553', null, 'lookup-file'],
      ]);
      expect(await services.lookups.countBySource()).toEqual({ 'lookup-file': 2, 'lsoa-name': 0 });

      await expect(services.lookups.loadLsoaLookupFile(actor, `${dir}/bad-lookup.csv`)).rejects.toThrow(
        /bad-lookup\.csv line 3: LSOA21CD "E0100000" must be an LSOA code: E01 or W01 and six digits\. Nothing was loaded\.$/,
      );
      expect(await lookupRows()).toHaveLength(2);
      await expect(services.lookups.loadLsoaLookupFile(actor, `${dir}/missing.csv`)).rejects.toThrow(
        /no such file/,
      );
    } finally {
      await remove();
    }
  });
});
