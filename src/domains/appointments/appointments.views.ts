import { view } from '../../kernel/http/views.ts';
import type {
  AppointmentPageModel,
  BodyPageModel,
  IndexPageModel,
  ProposalPageModel,
  ReportFormPageModel,
  ResponseFormPageModel,
} from './appointments.view-models.ts';

export const VIEWS = {
  index: view<IndexPageModel>('appointments/views/index.njk'),
  body: view<BodyPageModel>('appointments/views/body.njk'),
  appointment: view<AppointmentPageModel>('appointments/views/appointment.njk'),
  proposal: view<ProposalPageModel>('appointments/views/proposal.njk'),
  report: view<ReportFormPageModel>('appointments/views/report.njk'),
  response: view<ResponseFormPageModel>('appointments/views/response.njk'),
};
