import type { FormProblem } from '../../../kernel/http/form-route.ts';
import { type PageModel, view } from '../../../kernel/http/views.ts';
import type { EXEMPT_OPTIONS, toMeetingSummary } from '../scrutiny.view-models.ts';
import type {
  agendaOptions,
  toActionEditView,
  toItemEditView,
  toMinutesFormOptions,
  toMinutesView,
} from './minutes.view-models.ts';

type Values = Record<string, unknown>;

/** What a refused form shows: its error summary and messages, and what was typed, where that form keeps it. */
type Refused = Partial<Omit<FormProblem, 'values' | 'errors'>>;

export interface MinutesPage extends PageModel, Refused {
  meeting: ReturnType<typeof toMeetingSummary>;
  minutes: ReturnType<typeof toMinutesView>;
  canManage: boolean;
  editable: boolean;
  options: ReturnType<typeof toMinutesFormOptions> & { exempt: typeof EXEMPT_OPTIONS };
  /** The form adding an item. */
  values: Values;
  /** The forms adding a decision or an action to an item, by item id. */
  itemValues: Record<number, { decision?: Values; action?: Values }>;
  /** The forms adding a recommendation to the ledger, by `<item id>-<position>`. */
  ledgerValues: Record<string, Values>;
  approvalValues?: Values;
}

export interface ItemEditPage extends PageModel, Refused {
  meeting: ReturnType<typeof toMeetingSummary>;
  item: ReturnType<typeof toItemEditView>;
  options: { agendaOptions: ReturnType<typeof agendaOptions>; exempt: typeof EXEMPT_OPTIONS };
  values: Values;
  /** The forms changing a decision, by its position. */
  decisionValues: Record<number, Values>;
}

export type ActionPage = PageModel &
  Refused &
  Omit<ReturnType<typeof toActionEditView>, 'values'> & {
    meeting: ReturnType<typeof toMeetingSummary>;
    values: Values;
  };

/** The minutes' pages, each bound to the model it is rendered with. */
export const minutesViews = {
  minutes: view<MinutesPage>('scrutiny/minutes/views/minutes.njk'),
  item: view<ItemEditPage>('scrutiny/minutes/views/minute-item.njk'),
  action: view<ActionPage>('scrutiny/minutes/views/minute-action.njk'),
};
