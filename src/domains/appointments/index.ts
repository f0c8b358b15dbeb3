import { defineDomain } from '../module.ts';
import { seedDemoAppointments } from './appointments.demo.ts';
import { APPOINTMENTS_OPENAPI } from './appointments.openapi.ts';
import { appointmentsPaths } from './appointments.paths.ts';
import { APPOINTMENTS_POLICY } from './appointments.policy.ts';
import { appointmentsRoutes } from './appointments.routes.ts';
import { createAppointmentsService } from './appointments.service.ts';

export { appointmentsPaths } from './appointments.paths.ts';
export type { AppointmentsService } from './appointments.service.ts';
export type { AppointmentsTables } from './appointments.tables.ts';

/**
 * Confirmation hearings (issue 15 item 3): a Commissioner's proposed chief constable, deputy, chief executive or
 * chief finance officer notified to the Panel; the Panel's three weeks to hold its hearing and report (leaving
 * out any post-election period); its recommendation, or for a chief constable a veto counted on two-thirds of
 * its membership at the time; the Commissioner's notice accepting or rejecting it; and the end of the
 * confirmation process (PRSRA 2011 Sch 1 paras 9-10, Sch 8 Part 1). All public, the due dates on the calendar.
 */
export const appointmentsDomain = defineDomain({
  name: 'appointments',
  signposts: [
    {
      href: appointmentsPaths.index(),
      title: 'Appointments',
      description: 'Confirmation hearings for senior appointments, and the Panel’s reports on them.',
      position: 45,
    },
  ],
  policy: APPOINTMENTS_POLICY,
  build: ({ db, policy, now }) => ({ appointments: createAppointmentsService({ db, policy, now }) }),
  routes: ({ appointments }) => [appointmentsRoutes({ appointments })],
  openApi: [APPOINTMENTS_OPENAPI],
  deadlines: ({ appointments }) => [appointments.upcomingDeadlines],
  seedDemo: async ({ appointments }, { actor }) => ({
    loaded: await seedDemoAppointments(appointments, actor),
  }),
});
