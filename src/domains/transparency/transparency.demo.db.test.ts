import { beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.ts';
import { ANONYMOUS, systemActor } from '../../kernel/auth/actor.ts';
import { TEST_URLS } from '../../kernel/testing/test-app.ts';
import { useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestBody } from '../accounts/accounts.testing.ts';
import { seedDemoTransparency } from './transparency.demo.ts';

describe('the demo transparency records', () => {
  const database = useTestDatabase('pglite');
  let services: Services;
  const system = systemActor('test');

  beforeAll(async () => {
    services = buildServices(database.current, TEST_URLS);
    await createTestBody(database.current.db, 'thames-valley-pcc');
  });

  it('loads three months, the contracts and the officers’ records, and loading again changes nothing', async () => {
    expect(await seedDemoTransparency(services.transparency, system)).toEqual([
      '3 months of spending',
      '6 contracts',
      '10 duty records',
    ]);
    expect(await seedDemoTransparency(services.transparency, system)).toEqual([]);
    const register = await services.transparency.readRegister(ANONYMOUS, 'thames-valley-pcc');
    const states = new Set(register.duties.map((line) => line.status.state));
    // Whatever the day, the demo shows duties met (met as things happen) and not met (the 2025 records).
    expect(states.has('met') && states.has('overdue') && states.has('missing')).toBe(true);
    const spending = await services.transparency.readSpending('thames-valley-pcc', {
      month: '2026-08',
      supplier: null,
      category: null,
      service: null,
    });
    expect(spending.transactions.some((row) => row.amountPence < 0)).toBe(true);
  });
});
