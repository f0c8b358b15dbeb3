import { beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.ts';
import { ANONYMOUS, systemActor } from '../../kernel/auth/actor.ts';
import { TEST_URLS } from '../../kernel/testing/test-app.ts';
import { useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestBody } from '../accounts/accounts.testing.ts';
import { seedDemoDelivery } from '../delivery/delivery.demo.ts';
import { seedDemoPlans } from '../plans/plans.demo.ts';
import { seedDemoInspections } from './inspections.demo.ts';

describe('the demo inspections', () => {
  const database = useTestDatabase('pglite');
  let services: Services;
  const system = systemActor('test');

  beforeAll(async () => {
    services = buildServices(database.current, TEST_URLS);
    await services.areas.seedDemoAreas(system);
    await createTestBody(database.current.db, 'thames-valley-pcc');
    // The demo's findings link to the force's demo delivery actions.
    await seedDemoPlans(services.plans, system);
    await seedDemoDelivery(services.delivery, system);
  });

  it('loads through the import, and loading again changes nothing', async () => {
    expect(await seedDemoInspections(services.inspections, services.recommendations, system)).toEqual([
      '7 inspection reports',
    ]);
    expect(await seedDemoInspections(services.inspections, services.recommendations, system)).toEqual([]);
    const published = await services.inspections.listPublished(ANONYMOUS, { kind: null });
    expect(published.map((report) => [report.code, report.clock.state])).toEqual([
      ['JOINT-2026-CUSTODY', expect.stringMatching(/^(awaiting|overdue)$/)],
      ['JIAC-2026-09', 'not-required'],
      ['PEEL-2025', 'late'],
      ['VMM-2022', 'on-time'],
      ['PEEL-2016-LEGITIMACY', 'not-required'],
      ['PEEL-2016-EFFICIENCY', 'not-required'],
      ['PEEL-2015-VULNERABILITY', 'not-required'],
    ]);
    const efficiency = published.find((report) => report.code === 'PEEL-2016-EFFICIENCY');
    expect(efficiency?.grades.map((grade) => grade.grade)).toEqual(['good']);
    expect(efficiency?.findings.map((finding) => finding.kind)).toEqual(['area-for-improvement']);
    const audits = await services.recommendations.listLedger(ANONYMOUS, {
      status: null,
      origin: 'audit',
      overdue: null,
    });
    expect(audits.map((row) => row.reference)).toEqual(['JIAC-2026-09/R1', 'JIAC-2026-09/R2']);
    const peel = published.find((report) => report.code === 'PEEL-2025');
    const answered = peel?.findings.find((finding) => finding.ledger?.reference === 'PEEL-2025/R1');
    expect(answered?.ledger?.status).toBe('in-progress');
    expect(answered?.deliveryAction?.address).toBe('thames-valley-2024-2029/1/force/DEMO-TVP-03');
    const read = await services.recommendations.readRecommendation(
      ANONYMOUS,
      answered?.recommendationId ?? 0,
    );
    expect(read.progress).toHaveLength(2);
  });
});
