import { pathTo } from '../../../kernel/http/paths.ts';

/** Every URL of the minutes, for their routes, view models and tests. */
export const minutesPaths = {
  minutes: pathTo('/meetings/:id/minutes'),
  api: pathTo('/api/v1/meetings/:id/minutes'),
  items: pathTo('/meetings/:id/minutes/items'),
  item: pathTo('/meetings/:id/minutes/items/:itemId'),
  itemEdit: pathTo('/meetings/:id/minutes/items/:itemId/edit'),
  itemDelete: pathTo('/meetings/:id/minutes/items/:itemId/delete'),
  decisions: pathTo('/meetings/:id/minutes/items/:itemId/decisions'),
  decision: pathTo('/meetings/:id/minutes/items/:itemId/decisions/:position'),
  ledger: pathTo('/meetings/:id/minutes/items/:itemId/decisions/:position/ledger'),
  actions: pathTo('/meetings/:id/minutes/items/:itemId/actions'),
  action: pathTo('/meetings/:id/minutes/items/:itemId/actions/:position'),
  approval: pathTo('/meetings/:id/minutes/approval'),
} as const;
