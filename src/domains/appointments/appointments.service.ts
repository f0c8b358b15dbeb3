import { withDeps } from '../../kernel/use-cases.ts';
import type { AppointmentsDeps } from './appointments.context.ts';
import {
  listIndex,
  listOfficesFor,
  readAppointment,
  readBody,
  readReportForm,
  readResponseForm,
  readVotes,
  upcomingDeadlines,
} from './appointments.read.ts';
import { proposeAppointment, reportOnAppointment, respondToReport } from './appointments.write.ts';

export type AppointmentsService = ReturnType<typeof createAppointmentsService>;

/** Confirmation hearings: the notification, the Panel's hearing, vote and report, the Commissioner's notice. */
export function createAppointmentsService(deps: AppointmentsDeps) {
  return withDeps(deps, {
    listIndex,
    readBody,
    readAppointment,
    readVotes,
    readReportForm,
    readResponseForm,
    listOfficesFor,
    upcomingDeadlines,
    proposeAppointment,
    reportOnAppointment,
    respondToReport,
  });
}
