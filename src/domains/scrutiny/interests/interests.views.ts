import type { FormProblem } from '../../../kernel/http/form-route.ts';
import { type PageModel, view } from '../../../kernel/http/views.ts';
import type { memberOptions } from '../attendance/attendance.view-models.ts';
import type { options, toRegisterView } from './interests.view-models.ts';

export interface RegisterPage extends PageModel, Partial<FormProblem> {
  panel: { name: string; url: string };
  members: ReturnType<typeof toRegisterView>;
  canManage: boolean;
  values: Record<string, unknown>;
  memberOptions: ReturnType<typeof memberOptions>;
  categories: ReturnType<typeof options>;
}

/** The register of interests' page, bound to the model it is rendered with. */
export const interestsViews = {
  register: view<RegisterPage>('scrutiny/interests/views/interests.njk'),
};
