import { ANONYMOUS } from '../../../kernel/auth/actor.ts';
import {
  type ActionInPeriod,
  type DeliveryService,
  OWNER_LABELS,
  STATUS_LABELS,
} from '../../delivery/index.ts';
import type { PackBlock, PackContribution, PackSectionProvider, PackTable } from '../packs.content.ts';

function actionsTable(caption: string, entries: ActionInPeriod[]): PackTable {
  return {
    caption,
    head: [
      { text: 'Reference' },
      { text: 'Action' },
      { text: 'Owner' },
      { text: 'Due' },
      { text: 'Status at the end of the quarter' },
    ],
    rows: entries.map(({ owner, action, statusAtEnd, completedInPeriod }) => [
      { text: action.reference },
      { text: action.title },
      { text: `${OWNER_LABELS[owner]}: ${action.actionOwner}` },
      { text: action.dueOn },
      {
        text: statusAtEnd
          ? `${STATUS_LABELS[statusAtEnd].text}${completedInPeriod ? ` (${action.completedOn ?? 'in the quarter'})` : ''}`
          : 'No status recorded',
      },
    ]),
  };
}

/**
 * The published delivery actions of the plan version that fell due or were completed in the quarter, under
 * each priority whose aims or measures they serve, with their status as it stood at the quarter's end; an
 * action serving none of the plan's priorities is listed for the whole plan.
 */
export function deliverySection(delivery: DeliveryService): PackSectionProvider {
  return {
    key: 'delivery',
    heading: 'Delivery actions due or completed in the quarter',
    generalHeading: 'Other delivery actions due or completed in the quarter',
    emptyText: 'No published delivery action serving this fell due or was completed in the quarter.',
    async draw(scope): Promise<PackContribution> {
      const entries = await delivery.deliveryInPeriod(
        ANONYMOUS,
        { plan: scope.plan.slug, version: scope.plan.version },
        scope.quarter,
      );
      const byPriority = new Map<string, PackBlock[]>();
      for (const { code, title } of scope.priorities) {
        const serving = entries.filter((entry) => entry.priorityCodes.includes(code));
        if (serving.length)
          byPriority.set(code, [
            { kind: 'table', table: actionsTable(`Delivery actions serving ${code} ${title}`, serving) },
          ]);
      }
      const others = entries.filter((entry) => entry.priorityCodes.length === 0);
      const general: PackBlock[] = others.length
        ? [{ kind: 'table', table: actionsTable('Delivery actions serving no one priority', others) }]
        : [];
      return { byPriority, general };
    },
  };
}
