import { view } from '../../kernel/http/views.ts';
import type {
  FindingFormPageModel,
  InspectionPageModel,
  ListPageModel,
  NewInspectionPageModel,
  OpenPageModel,
} from './inspections.view-models.ts';

export const VIEWS = {
  list: view<ListPageModel>('inspections/views/inspections.njk'),
  inspection: view<InspectionPageModel>('inspections/views/inspection.njk'),
  open: view<OpenPageModel>('inspections/views/open-recommendations.njk'),
  newInspection: view<NewInspectionPageModel>('inspections/views/new-inspection.njk'),
  findingForm: view<FindingFormPageModel>('inspections/views/finding-form.njk'),
};
