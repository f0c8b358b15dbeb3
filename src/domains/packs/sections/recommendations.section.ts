import { ANONYMOUS } from '../../../kernel/auth/actor.ts';
import type { RecommendationsLedgerService } from '../../recommendations/index.ts';
import { toLedgerRow } from '../../recommendations/index.ts';
import type { PackContribution, PackSectionProvider } from '../packs.content.ts';

/**
 * The inspection recommendations in the shared ledger that were made by the quarter's end and have no outcome
 * yet, for the office's own area, as the public ledger shows them. The ledger does not tie a recommendation
 * to a plan priority, so they are listed once, for the whole plan.
 */
export function inspectionRecommendationsSection(ledger: RecommendationsLedgerService): PackSectionProvider {
  return {
    key: 'inspection-recommendations',
    heading: 'Open inspection recommendations',
    generalHeading: 'Open inspection recommendations',
    emptyText: 'No inspection recommendation was open at the end of the quarter.',
    async draw(scope): Promise<PackContribution> {
      const rows = await ledger.listLedger(ANONYMOUS, { origin: 'inspection', status: null, overdue: null });
      const open = rows.filter(
        (row) =>
          row.bodyId === scope.body.id &&
          row.outcome === null &&
          (row.madeOn === null || row.madeOn <= scope.quarter.end),
      );
      if (open.length === 0) return { byPriority: new Map(), general: [] };
      const described = (await ledger.withDetails(open)).map(toLedgerRow);
      return {
        byPriority: new Map(),
        general: [
          {
            kind: 'table',
            table: {
              caption: 'Inspection recommendations open at the end of the quarter',
              head: [
                { text: 'Reference' },
                { text: 'Recommendation' },
                { text: 'Made by' },
                { text: 'Made on' },
                { text: 'Status' },
              ],
              rows: described.map((row) => [
                { text: row.reference },
                { text: row.text },
                { text: row.madeBy },
                { text: row.madeOn ?? '' },
                { text: `${row.status.text}${row.overdue ? ' (overdue)' : ''}` },
              ]),
            },
          },
        ],
      };
    },
  };
}
