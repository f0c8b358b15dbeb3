import { view } from '../../kernel/http/views.ts';
import type {
  CaseFormPageModel,
  CasePageModel,
  CountsPageModel,
  IndexPageModel,
  RegisterPageModel,
} from './complaints.view-models.ts';

export const VIEWS = {
  index: view<IndexPageModel>('complaints/views/index.njk'),
  counts: view<CountsPageModel>('complaints/views/counts.njk'),
  register: view<RegisterPageModel>('complaints/views/register.njk'),
  case: view<CasePageModel>('complaints/views/case.njk'),
  form: view<CaseFormPageModel>('complaints/views/form.njk'),
};
