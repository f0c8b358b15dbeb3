import { ANONYMOUS } from '../../../kernel/auth/actor.ts';
import { type DecisionRecord, type DecisionsService, toDecisionRow } from '../../decisions/index.ts';
import type { PackBlock, PackContribution, PackSectionProvider, PackTable } from '../packs.content.ts';

function decisionsTable(caption: string, decisions: DecisionRecord[]): PackTable {
  return {
    caption,
    head: [
      { text: 'Number' },
      { text: 'Decision' },
      { text: 'Taken on' },
      { text: 'By' },
      { text: 'Value', numeric: true },
    ],
    rows: decisions.map((decision) => {
      const row = toDecisionRow(decision);
      const title = row.withheld ? `${row.title} (Part 2: details withheld)` : row.title;
      return [
        { text: row.number },
        { text: decision.summary ? `${title}. ${decision.summary}` : title },
        { text: row.decidedOn },
        { text: row.maker },
        { text: row.value ?? '', numeric: true },
      ];
    }),
  };
}

/**
 * The office's decisions taken in the quarter and published, as the public register shows them: a Part 2
 * decision is its public description only, and concerns no priority the public can see, so it is listed for
 * the whole plan.
 */
export function decisionsSection(decisions: DecisionsService): PackSectionProvider {
  return {
    key: 'decisions',
    heading: 'Decisions taken in the quarter',
    generalHeading: 'Other decisions taken in the quarter',
    emptyText: 'No published decision taken in the quarter concerns this.',
    async draw(scope): Promise<PackContribution> {
      const register = await decisions.listRegister(ANONYMOUS, { year: null, maker: null });
      const taken = register
        .filter((decision) => decision.bodyId === scope.body.id && decision.decidedOn !== null)
        .filter((decision) => (decision.decidedOn as string) >= scope.quarter.start)
        .filter((decision) => (decision.decidedOn as string) <= scope.quarter.end)
        .reverse();
      const codes = new Set(scope.priorities.map((priority) => priority.code));
      const byPriority = new Map<string, PackBlock[]>();
      for (const { code, title } of scope.priorities) {
        const concerning = taken.filter((decision) => decision.priorities.includes(code));
        if (concerning.length)
          byPriority.set(code, [
            { kind: 'table', table: decisionsTable(`Decisions concerning ${code} ${title}`, concerning) },
          ]);
      }
      const others = taken.filter((decision) => !decision.priorities.some((code) => codes.has(code)));
      const general: PackBlock[] = others.length
        ? [{ kind: 'table', table: decisionsTable('Decisions concerning no one priority', others) }]
        : [];
      return { byPriority, general };
    },
  };
}
