import type { FormProblem } from '../../../kernel/http/form-route.ts';
import { type PageModel, view } from '../../../kernel/http/views.ts';
import type { FUNCTION_OPTIONS } from '../scrutiny-functions.ts';
import type { toWorkProgrammeView } from './work-programme.view-models.ts';

/** The entry form, new or changed: the change form names its entry and where to remove it. */
export interface EntryFormPage extends PageModel, Partial<FormProblem> {
  action: string;
  panels?: { value: string; text: string }[];
  entry?: { id: number; bodyName: string; deleteUrl: string };
  functions: typeof FUNCTION_OPTIONS;
  values: Record<string, unknown>;
}

/** The work programme's pages, each bound to the model it is rendered with. */
export const workProgrammeViews = {
  programme: view<PageModel & { programme: ReturnType<typeof toWorkProgrammeView> }>(
    'scrutiny/work-programme/views/work-programme.njk',
  ),
  entry: view<EntryFormPage>('scrutiny/work-programme/views/work-programme-entry.njk'),
};
