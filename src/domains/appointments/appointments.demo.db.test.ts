import { beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.ts';
import { ANONYMOUS, systemActor } from '../../kernel/auth/actor.ts';
import { TEST_URLS } from '../../kernel/testing/test-app.ts';
import { useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestBody } from '../accounts/accounts.testing.ts';
import { seedDemoScrutiny } from '../scrutiny/scrutiny.demo.ts';
import { seedDemoAppointments } from './appointments.demo.ts';

describe('the demo confirmation hearing', () => {
  const database = useTestDatabase('pglite');
  let services: Services;
  const system = systemActor('test');

  beforeAll(async () => {
    services = buildServices(database.current, TEST_URLS);
    // The office and its Panel in their force area, with the Panel's members and meetings of the 2016 pack.
    await services.areas.seedDemoAreas(system);
    const area = (await services.areas.findForceArea('thames-valley'))?.id ?? null;
    await createTestBody(database.current.db, 'thames-valley-pcc', 'policing-body', area);
    await createTestBody(database.current.db, 'thames-valley-panel', 'scrutiny-panel', area);
    await seedDemoScrutiny(services.scrutiny, system);
  });

  it('loads an illustrative hearing at the 16 December 2016 meeting, and loading again changes nothing', async () => {
    expect(await seedDemoAppointments(services.appointments, system)).toEqual([
      '1 illustrative confirmation hearing',
    ]);
    expect(await seedDemoAppointments(services.appointments, system)).toEqual([]);
    const { appointments } = await services.appointments.readBody(ANONYMOUS, 'thames-valley-pcc');
    expect(appointments).toHaveLength(1);
    const read = await services.appointments.readAppointment(ANONYMOUS, {
      body: 'thames-valley-pcc',
      id: appointments[0]?.id ?? 0,
    });
    expect(read.appointment).toMatchObject({
      illustrative: true,
      post: 'chief-finance-officer',
      reportedOn: '2016-12-16',
      recommendation: 'appoint',
      response: 'accept',
    });
    expect(read.membersAtHearing).toBe(19);
    expect(read.end).toMatchObject({ ended: true, on: '2016-12-19' });
  });
});
