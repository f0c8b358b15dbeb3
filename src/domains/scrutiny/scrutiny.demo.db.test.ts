import { describe, expect, it } from 'vitest';
import { buildServices } from '../../composition.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { TEST_URLS } from '../../kernel/testing/test-app.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestBody } from '../accounts/accounts.testing.ts';
import { seedDemoScrutiny } from './scrutiny.demo.ts';

const system = systemActor('test');

describe.each(testEngines())('loading the demo panel again on %s', (engine) => {
  const database = useTestDatabase(engine);

  /** The services, and the panel's and the Commissioner's bodies for the demo to load into. */
  const servicesWithDemoBodies = async () => {
    await createTestBody(database.current.db, 'thames-valley-panel', 'scrutiny-panel');
    await createTestBody(database.current.db, 'thames-valley-pcc', 'policing-body');
    return buildServices(database.current, TEST_URLS);
  };

  it('adds what is missing and leaves what users changed alone, even approved minutes', async () => {
    const services = await servicesWithDemoBodies();
    await seedDemoScrutiny(services.scrutiny, system);
    const meetings = await services.scrutiny.listMeetings(system);
    const meetingOf = (day: string) =>
      meetings.find(({ meeting }) => meeting.title.includes(day))?.meeting.id ?? 0;
    const october = meetingOf('21 October 2016');
    const december = meetingOf('16 December 2016');
    const { minutes } = services.scrutiny.records;
    const item73 = (await minutes.readMinutes(system, october)).items.find((item) => item.number === 73);
    await minutes.editItem(system, october, item73?.id ?? 0, {
      title: 'Future Operation of the Panel, as corrected',
      text: 'Members considered how the panel might work in future.',
      agendaItem: null,
      exemptParagraph: null,
    });
    await minutes.approve(system, october, { approvingMeeting: december });

    await expect(seedDemoScrutiny(services.scrutiny, system)).resolves.toBeDefined();
    const after = await minutes.readMinutes(system, october);
    expect(after.state).toBe('approved');
    expect(after.approvedAt?.id).toBe(december);
    expect(after.meeting.status).toBe('minutes-approved');
    expect(after.items.find((item) => item.number === 73)?.title).toBe(
      'Future Operation of the Panel, as corrected',
    );
  });

  it('adds coming demonstration meetings that take questions, once however often it is loaded', async () => {
    const services = await servicesWithDemoBodies();
    const comingDemos = async () =>
      (await services.scrutiny.listMeetings(system)).filter(
        ({ meeting }) =>
          meeting.startsAt.getTime() > Date.now() && meeting.title.startsWith('Demonstration:'),
      );
    await seedDemoScrutiny(services.scrutiny, system);
    const coming = await comingDemos();
    expect(coming.length).toBeGreaterThanOrEqual(2);
    const next = coming[0];
    expect(next?.deadline?.deadline.getTime()).toBeGreaterThan(Date.now());
    const read = await services.scrutiny.readMeeting(system, next?.meeting.id ?? 0);
    expect(read.items.length).toBeGreaterThan(0);
    await services.scrutiny.submitQuestion(next?.meeting.id ?? 0, {
      name: 'Demo Asker',
      email: 'asker@example.org',
      text: 'How is the demo going?',
    });

    await seedDemoScrutiny(services.scrutiny, system);
    expect((await comingDemos()).map(({ meeting }) => meeting.id)).toEqual(
      coming.map(({ meeting }) => meeting.id),
    );
  });

  it('loads the Commissioner’s demonstration accountability meeting once, with its agenda and no questions', async () => {
    const services = await servicesWithDemoBodies();
    const pccMeetings = async () =>
      (await services.scrutiny.listMeetings(system)).filter(
        ({ meeting }) => meeting.bodySlug === 'thames-valley-pcc',
      );
    await seedDemoScrutiny(services.scrutiny, system);
    await seedDemoScrutiny(services.scrutiny, system);
    const [only, ...others] = await pccMeetings();
    expect(others).toEqual([]);
    expect(only?.meeting.title).toContain('Performance and Accountability Meeting');
    expect(only?.deadline).toBeNull();
    const read = await services.scrutiny.readMeeting(system, only?.meeting.id ?? 0);
    expect(read.items.map((item) => item.position)).toEqual([1, 2, 3, 4, 5]);
    expect(read.members).toEqual([]);
  });
});
