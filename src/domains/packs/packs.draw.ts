import type { PackContent, PackPriority, PackScope, PackSection } from './packs.content.ts';
import type { PacksDeps } from './packs.context.ts';
import { financialQuarter } from './packs.quarters.ts';
import { listPlanPriorities } from './packs.queries.ts';

/** What a pack is drawn for: the office, the plan version and its title, the quarter and the edition. */
export interface PackKey {
  body: { id: number; slug: string; name: string };
  plan: { slug: string; title: string; version: number };
  financialYear: number;
  quarter: number;
  edition: number;
}

const sectionId = (...parts: string[]) =>
  parts
    .join('-')
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .toLowerCase();

/**
 * Draws the pack from live data: the plan's priorities in plan order, and under each every provider's part in
 * the providers' order (or what its absence means); then each provider's part for the whole plan.
 */
export async function drawPack(deps: PacksDeps, key: PackKey): Promise<PackContent> {
  const quarter = financialQuarter(key.financialYear, key.quarter);
  const priorities = await listPlanPriorities(deps.db, key.plan.slug, key.plan.version);
  const scope: PackScope = { body: key.body, plan: key.plan, quarter, priorities };
  const contributions = await Promise.all(deps.providers.map((provider) => provider.draw(scope)));
  const drawn: PackPriority[] = priorities.map((priority) => ({
    id: sectionId('priority', priority.code),
    ...priority,
    sections: deps.providers.map((provider, index) => ({
      id: sectionId('priority', priority.code, provider.key),
      heading: provider.heading,
      blocks: contributions[index]?.byPriority.get(priority.code) ?? [
        { kind: 'text', text: provider.emptyText },
      ],
    })),
  }));
  const general: PackSection[] = deps.providers.flatMap((provider, index) =>
    provider.generalHeading === null
      ? []
      : [
          {
            id: sectionId('plan', provider.key),
            heading: provider.generalHeading,
            blocks: contributions[index]?.general.length
              ? (contributions[index]?.general ?? [])
              : [{ kind: 'text' as const, text: provider.emptyText }],
          },
        ],
  );
  return {
    format: 'peelian-pack/1',
    title: `Performance pack: ${quarter.label}`,
    body: { slug: key.body.slug, name: key.body.name },
    plan: key.plan,
    quarter,
    edition: key.edition,
    drawnAt: deps.now().toISOString(),
    priorities: drawn,
    general,
  };
}
