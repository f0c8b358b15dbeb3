import { describe, expect, it } from 'vitest';
import { systemActor } from '../../kernel/auth/actor.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import {
  listForceAreas,
  listLocalAuthorities,
  upsertForceArea,
  upsertLocalAuthority,
} from './areas.queries.ts';
import { ForceAreaInputSchema } from './areas.schemas.ts';
import { createAreasService } from './areas.service.ts';

describe.each(testEngines())('areas on %s', (engine) => {
  const database = useTestDatabase(engine);

  it('upserts a force area by slug without duplicating it', async () => {
    const { db } = database.current;
    const first = await upsertForceArea(db, { slug: 'hampshire', name: 'Hampshire', gssCode: 'E23000030' });
    const again = await upsertForceArea(db, {
      slug: 'hampshire',
      name: 'Hampshire and Isle of Wight',
      gssCode: 'E23000030',
    });
    expect(again).toBe(first);
    const areas = await listForceAreas(db);
    expect(areas.filter((area) => area.slug === 'hampshire')).toMatchObject([
      { id: first, slug: 'hampshire', name: 'Hampshire and Isle of Wight', gssCode: 'E23000030' },
    ]);
  });

  const upsertTestShire = () =>
    upsertForceArea(database.current.db, { slug: 'test-shire', name: 'Test Shire', gssCode: 'E23000099' });

  it('upserts a local authority by GSS code and lists it with its county', async () => {
    const { db } = database.current;
    const forceAreaId = await upsertTestShire();
    const countyId = await upsertLocalAuthority(db, {
      gssCode: 'E10000099',
      name: 'Testshire',
      tier: 'county',
      forceAreaId,
      countyId: null,
    });
    await upsertLocalAuthority(db, {
      gssCode: 'E07000999',
      name: 'Testdale',
      tier: 'district',
      forceAreaId,
      countyId,
    });
    await upsertLocalAuthority(db, {
      gssCode: 'E07000999',
      name: 'Test Dale',
      tier: 'district',
      forceAreaId,
      countyId,
    });
    const rows = (await listLocalAuthorities(db)).filter((row) => row.forceAreaId === forceAreaId);
    expect(rows.map(({ name, tier, countyName }) => ({ name, tier, countyName }))).toEqual([
      { name: 'Test Dale', tier: 'district', countyName: 'Testshire' },
      { name: 'Testshire', tier: 'county', countyName: null },
    ]);
  });

  it('refuses a county for anything but a district (the ONS lookups name no counties, migration 0032)', async () => {
    const { db } = database.current;
    const forceAreaId = await upsertTestShire();
    const countyId = await upsertLocalAuthority(db, {
      gssCode: 'E10000098',
      name: 'Othershire',
      tier: 'county',
      forceAreaId,
      countyId: null,
    });
    await expect(
      upsertLocalAuthority(db, { gssCode: 'E06000998', name: 'Odd', tier: 'unitary', forceAreaId, countyId }),
    ).rejects.toThrow(/check constraint/);
  });

  it('seeds the Thames Valley demo twice without loading anything twice', async () => {
    const areas = createAreasService(database.current.db);
    const auditCount = async () =>
      (
        await database.current.sql.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM audit_event WHERE record_type IN ('force_area', 'local_authority')",
        )
      )[0]?.n;
    await areas.seedDemoAreas(systemActor('test'));
    const afterFirst = await auditCount();
    await areas.seedDemoAreas(systemActor('test'));
    expect(await auditCount()).toBe(afterFirst);
    const thamesValley = (await areas.listForceAreasWithAuthorities()).find(
      (area) => area.slug === 'thames-valley',
    );
    expect(thamesValley?.gssCode).toBe('E23000029');
    expect(thamesValley?.localAuthorities).toHaveLength(14);
    const oxford = thamesValley?.localAuthorities.find((authority) => authority.name === 'Oxford');
    expect(oxford).toMatchObject({ gssCode: 'E07000178', tier: 'district', countyName: 'Oxfordshire' });
  });
});

describe.each(testEngines())('saving a force area on %s', (engine) => {
  const database = useTestDatabase(engine);

  it('audits what changed, with the values before and after', async () => {
    const areas = createAreasService(database.current.db);
    const input = {
      slug: 'audit-shire',
      name: 'Audit Shire',
      gssCode: 'E23000098',
      localAuthorities: [{ gssCode: 'E06000098', name: 'Auditham', tier: 'unitary' as const }],
    };
    await areas.saveForceArea(systemActor('cli:tester'), input);
    await areas.saveForceArea(systemActor('cli:tester'), {
      ...input,
      localAuthorities: [{ gssCode: 'E06000098', name: 'Auditham and District', tier: 'unitary' as const }],
    });
    const events = await database.current.sql.query<{ action: string; before: unknown; after: unknown }>(
      "SELECT action, before, after FROM audit_event WHERE record_type = 'local_authority' ORDER BY id",
    );
    expect(events.map((event) => event.action)).toEqual(['create', 'update']);
    expect(events[1]).toMatchObject({
      before: { name: 'Auditham' },
      after: { name: 'Auditham and District' },
    });
  });
});

describe('ForceAreaInputSchema', () => {
  const valid = {
    slug: 'test-shire',
    name: 'Test Shire',
    gssCode: 'E23000099',
    localAuthorities: [
      { gssCode: 'E10000099', name: 'Testshire', tier: 'county' },
      { gssCode: 'E07000999', name: 'Testdale', tier: 'district', county: 'E10000099' },
    ],
  };

  it('accepts a two-tier area', () => {
    expect(ForceAreaInputSchema.safeParse(valid).success).toBe(true);
  });

  it('names the field and reason for each mistake', () => {
    const result = ForceAreaInputSchema.safeParse({
      ...valid,
      gssCode: 'E06000038',
      localAuthorities: [{ gssCode: 'E07000999', name: 'Testdale', tier: 'district', county: 'E10000001' }],
    });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(issues).toEqual([
      'gssCode: must be a police force area GSS code such as E23000029 or W15000001',
      'localAuthorities.0.county: names E10000001, which is not a county council in this force area',
    ]);
  });
});
