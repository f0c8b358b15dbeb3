import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import { PlanFileSchema } from './plans.file-schema.ts';
import { parsePlanFile, planFileToYaml } from './plans.files.ts';
import { diffTrees, fileFromTree, type PlanTree, treeFromFile } from './plans.tree.ts';

const demo = parsePlanFile(
  fs.readFileSync(path.join(PROJECT_ROOT, 'data/demo/plans/thames-valley-2024-2029.yaml'), 'utf8'),
);

function tree(): PlanTree {
  return {
    pillars: [
      {
        code: 'A',
        title: 'Communities',
        summary: null,
        priorities: [
          {
            code: 'A1',
            title: 'Rural crime',
            summary: null,
            aims: [{ code: 'A1.a', text: 'Fewer thefts from farms' }],
            measures: [{ code: 'A1.m', text: 'Recorded rural crime', direction: 'decrease' }],
          },
        ],
      },
      {
        code: 'B',
        title: 'People',
        summary: null,
        priorities: [{ code: 'B1', title: 'Victims', summary: null, aims: [], measures: [] }],
      },
    ],
    linkedItems: [{ kind: 'enabler', code: 'E1', title: 'Technology', summary: null, priorities: ['A1'] }],
    statutory: [{ section: 'policing', text: 'A neighbourhood team in every local authority' }],
  };
}

describe('diffTrees', () => {
  it('finds no change between equal trees', () => {
    expect(diffTrees(tree(), tree())).toEqual([]);
  });

  it('reports additions, removals, renames, re-wordings, direction changes and moves by code', () => {
    const after = tree();
    const [communities, people] = after.pillars;
    if (!communities || !people) throw new Error('fixture');
    const rural = communities.priorities[0];
    if (!rural) throw new Error('fixture');
    rural.title = 'Rural and wildlife crime';
    rural.aims = [{ code: 'A1.a', text: 'Fewer thefts from farms and of machinery' }];
    rural.measures = [{ code: 'A1.m', text: 'Recorded rural crime', direction: 'increase' }];
    people.priorities.push({
      code: 'B2',
      title: 'Violence against women and girls',
      summary: null,
      aims: [],
      measures: [],
    });
    after.linkedItems = [];
    // A1 moves to pillar B.
    people.priorities.push(rural);
    communities.priorities = [];
    expect(diffTrees(tree(), after)).toEqual([
      {
        kind: 'priority',
        code: 'B2',
        change: 'added',
        before: null,
        after: 'Violence against women and girls',
      },
      {
        kind: 'priority',
        code: 'A1',
        change: 'renamed',
        before: 'Rural crime',
        after: 'Rural and wildlife crime',
      },
      { kind: 'priority', code: 'A1', change: 'moved', before: 'A', after: 'B' },
      {
        kind: 'aim',
        code: 'A1.a',
        change: 'reworded',
        before: 'Fewer thefts from farms',
        after: 'Fewer thefts from farms and of machinery',
      },
      { kind: 'measure', code: 'A1.m', change: 'direction changed', before: 'decrease', after: 'increase' },
      { kind: 'enabler', code: 'E1', change: 'removed', before: 'Technology', after: null },
    ]);
  });
  it('lists a changed summary and a linked item’s changed priorities', () => {
    const after = tree();
    const [communities] = after.pillars;
    const rural = communities?.priorities[0];
    const [enabler] = after.linkedItems;
    if (!communities || !rural || !enabler) throw new Error('fixture');
    communities.summary = 'Safer towns and villages';
    rural.summary = 'Farms, machinery and wildlife';
    enabler.summary = 'Laptops for officers';
    enabler.priorities = ['A1', 'B1'];
    expect(diffTrees(tree(), after)).toEqual([
      {
        kind: 'pillar',
        code: 'A',
        change: 'summary changed',
        before: null,
        after: 'Safer towns and villages',
      },
      {
        kind: 'priority',
        code: 'A1',
        change: 'summary changed',
        before: null,
        after: 'Farms, machinery and wildlife',
      },
      { kind: 'enabler', code: 'E1', change: 'summary changed', before: null, after: 'Laptops for officers' },
      { kind: 'enabler', code: 'E1', change: 'links changed', before: 'A1', after: 'A1, B1' },
    ]);
  });

  it('notices a change to any field of any element: nothing edited goes unlisted', () => {
    // Walks every string and list field of every node, changes it alone, and expects a listed change,
    // so a field added to PlanTree later cannot silently escape comparison.
    const paths: (string | number)[][] = [];
    const walk = (node: unknown, at: (string | number)[]) => {
      if (Array.isArray(node)) {
        if (node.length > 0 && node.every((entry) => typeof entry === 'string')) paths.push(at);
        else for (const [index, entry] of node.entries()) walk(entry, [...at, index]);
      } else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'code' || key === 'kind') continue;
          walk(value, [...at, key]);
        }
      } else paths.push(at);
    };
    walk(tree(), []);
    expect(paths.length).toBeGreaterThan(10);
    for (const fieldPath of paths) {
      const after = tree() as unknown as Record<string | number, unknown>;
      let parent = after;
      for (const key of fieldPath.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
      const last = fieldPath.at(-1) as string | number;
      const old = parent[last];
      parent[last] = Array.isArray(old)
        ? [...old, 'B1']
        : last === 'direction'
          ? old === 'increase'
            ? 'decrease'
            : 'increase'
          : `${String(old)} (edited)`;
      expect(diffTrees(tree(), after as unknown as PlanTree), fieldPath.join('.')).not.toEqual([]);
    }
  });
});

describe('plan files', () => {
  it('round-trip: a file made from a tree gives the same tree, and YAML gives the same file', () => {
    const file = fileFromTree(demo.plan, treeFromFile(demo));
    expect(treeFromFile(file)).toEqual(treeFromFile(demo));
    expect(PlanFileSchema.parse(file)).toEqual(file);
    expect(parsePlanFile(planFileToYaml(file))).toEqual(file);
  });

  it('lists every problem with its path and saves nothing', () => {
    const broken = `
format: peelian-plan/1
plan:
  slug: broken
  title: Broken plan
  body: thames-valley-pcc
  forceArea: thames-valley
  authorName: A
  authorOffice: B
  termStart: 2024-04-01
  termEnd: 2029-03-31
pillars:
  - code: P1
    title: One
    priorities:
      - code: P1.1
        title: A priority
        measures:
          - code: M1
            text: A measure without a direction
enablers:
  - code: E1
    title: An enabler
    priorities: [P9]
`;
    expect(() => parsePlanFile(broken)).toThrow(
      /pillars\.0\.priorities\.0\.measures\.0\.direction: must be one of increase, decrease, maintain-low, neutral/,
    );
    const duplicates = broken
      .replace('text: A measure without a direction', 'text: A measure\n            direction: decrease')
      .replace('code: M1', 'code: P1');
    expect(() => parsePlanFile(duplicates)).toThrow(/repeats the code P1 already used at pillars\.0\.code/);
    expect(() => parsePlanFile(duplicates)).toThrow(
      /enablers\.0\.priorities\.0: names P9, which is not a priority in this plan/,
    );
    expect(() => parsePlanFile('pillars: [unclosed')).toThrow(/is not valid YAML or JSON/);
  });
});
