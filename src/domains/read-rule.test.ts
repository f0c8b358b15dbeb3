import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, namedRelations, ownerOf, readRelations, SRC } from '../kernel/testing/read-rule.ts';
import type { JudgementsDb } from './judgements/judgements.tables.ts';
import type { ScrutinyDb } from './scrutiny/scrutiny.tables.ts';

/** Reads that break the rule on purpose, each with its reason. Keep this empty if you can. */
const ALLOWED: readonly { file: string; table: string; reason: string }[] = [];

describe('the read rule (decision record 0004)', () => {
  const relations = readRelations();

  it('finds the tables of every domain and the views they publish', () => {
    expect(relations.get('plan')).toEqual({ owner: 'plans', published: false });
    expect(relations.get('force_area')).toEqual({ owner: 'areas', published: false });
    expect(relations.get('police_uk_crime_monthly')).toEqual({ owner: 'performance', published: false });
    expect(relations.get('audit_event')).toEqual({ owner: 'kernel', published: false });
    expect(relations.get('meeting_paper')).toEqual({ owner: 'scrutiny', published: false });
    expect(relations.get('plans_published_measure')).toEqual({ owner: 'plans', published: true });
  });

  it('sees table names in builder calls and raw SQL', () => {
    const names = namedRelations(
      "db.selectFrom('plan as p').innerJoin(\"force_area as f\", 'f.id', 'p.force_area_id');" +
        " sql`SELECT 1 FROM local_authority JOIN police_uk_unit u ON true`; sql.table('body');",
    );
    expect([...names].sort()).toEqual(['body', 'force_area', 'local_authority', 'plan', 'police_uk_unit']);
  });

  it('lets no queries file name a table another domain owns', () => {
    const breaches: string[] = [];
    for (const file of filesUnder(SRC, '.queries.ts')) {
      const reader = ownerOf(file);
      const path = relative(SRC, file);
      for (const name of namedRelations(readFileSync(file, 'utf8'))) {
        const relation = relations.get(name);
        if (!relation || relation.owner === reader || relation.published) continue;
        if (ALLOWED.some((allowed) => allowed.file === path && allowed.table === name)) continue;
        breaches.push(`${path} reads ${name}, a table of ${relation.owner}`);
      }
    }
    expect(breaches).toEqual([]);
  });

  it("makes naming another domain's table a type error", () => {
    // Checked by the compiler (`tsc --noEmit`): each directive fails the build if its line ever compiles.
    const judgementsReadsPlans = (db: JudgementsDb) =>
      // @ts-expect-error: plan belongs to plans; judgements reads plans_published_plan.
      db.selectFrom('plan').selectAll();
    const scrutinyReadsAccounts = (db: ScrutinyDb) =>
      // @ts-expect-error: body belongs to accounts; scrutiny reads accounts_published_body.
      db.selectFrom('body').selectAll();
    const publishedViews = [
      (db: JudgementsDb) => db.selectFrom('plansPublishedPlan').selectAll(),
      (db: ScrutinyDb) => db.selectFrom('accountsPublishedBody').selectAll(),
    ];
    const queries = [judgementsReadsPlans, scrutinyReadsAccounts, ...publishedViews];
    expect(queries.every((query) => typeof query === 'function')).toBe(true);
  });
});
