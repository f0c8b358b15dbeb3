import { type ModelOf, view } from '../../kernel/http/views.ts';
import type {
  AllocationPageModel,
  LetterPageModel,
  toFundPage,
  toListPage,
  WhatIfPageModel,
} from './funding.view-models.ts';

export const VIEWS = {
  list: view<ModelOf<typeof toListPage>>('funding/views/list.njk'),
  fund: view<ModelOf<typeof toFundPage>>('funding/views/fund.njk'),
  allocation: view<AllocationPageModel>('funding/views/allocation.njk'),
  whatIf: view<WhatIfPageModel>('funding/views/what-if.njk'),
  letter: view<LetterPageModel>('funding/views/letter.njk'),
};
