import { pathTo } from '../../kernel/http/paths.ts';

/** Every URL of the confirmation hearings. An appointment is named by its office and its id. */
export const appointmentsPaths = {
  index: pathTo('/appointments'),
  add: pathTo('/appointments/new'),
  body: pathTo('/appointments/:body'),
  appointment: pathTo('/appointments/:body/:id'),
  votesCsv: pathTo('/appointments/:body/:id/vote.csv'),
  report: pathTo('/appointments/:body/:id/report'),
  response: pathTo('/appointments/:body/:id/response'),
  apiBody: pathTo('/api/v1/appointments/:body'),
  apiAppointment: pathTo('/api/v1/appointments/:body/:id'),
} as const;
