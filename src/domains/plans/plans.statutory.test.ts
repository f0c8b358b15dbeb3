import { describe, expect, it } from 'vitest';
import { describeGapsBeforeIssue, isPlaceholder, statutoryGaps } from './plans.statutory.ts';
import type { PlanTree } from './plans.tree.ts';

function treeWith(statutory: PlanTree['statutory'], priorityTitle = 'Rural crime'): PlanTree {
  return {
    pillars: [
      {
        code: 'A',
        title: 'Communities',
        summary: null,
        priorities: [{ code: 'A1', title: priorityTitle, summary: null, aims: [], measures: [] }],
      },
    ],
    linkedItems: [],
    statutory,
  };
}

const everySection: PlanTree['statutory'] = [
  { section: 'policing', text: 'Neighbourhood teams in every local authority' },
  { section: 'resources', text: 'A revenue budget of £557 million' },
  { section: 'reporting', text: 'Performance and Accountability Meetings' },
  { section: 'performance', text: 'The published performance measures' },
  { section: 'grants', text: 'The Partnership Fund and its conditions' },
];

describe('the plan’s statutory contents (PRSRA 2011 s7(1))', () => {
  it('treats the words drafters leave behind as empty, and real text as written', () => {
    for (const placeholder of ['Need text', 'need text here', 'TBC', '[TBC]', 'To follow.', 'xxx', '…', '  '])
      expect(isPlaceholder(placeholder), placeholder).toBe(true);
    for (const text of ['Tbc is not a sentence we mean', 'A budget to be confirmed in February', 'Text'])
      expect(isPlaceholder(text), text).toBe(false);
  });

  it('finds nothing missing in a plan that sets out every section', () => {
    expect(statutoryGaps(treeWith(everySection))).toEqual([]);
    expect(describeGapsBeforeIssue([])).toBeNull();
  });

  it('names each missing or placeholder section in the Act’s order, objectives first', () => {
    const tree = treeWith(
      [
        { section: 'grants', text: 'Need text' },
        { section: 'policing', text: 'Neighbourhood teams' },
      ],
      'Need text',
    );
    const gaps = statutoryGaps(tree);
    expect(gaps.map((gap) => [gap.section, gap.citation])).toEqual([
      ['objectives', 's7(1)(a)'],
      ['resources', 's7(1)(c)'],
      ['reporting', 's7(1)(d)'],
      ['performance', 's7(1)(e)'],
      ['grants', 's7(1)(f)'],
    ]);
    expect(gaps[0]?.problem).toBe('A1 still holds placeholder text.');
    expect(gaps[1]?.problem).toBe('The plan does not say.');
    expect(gaps[4]?.problem).toBe('It says only “Need text”.');
    expect(describeGapsBeforeIssue(gaps)).toMatch(
      /^Before the draft is issued: the Police Reform and Social Responsibility Act 2011 asks a plan to set out the police and crime objectives \(s7\(1\)\(a\)\); the financial and other resources .* \(s7\(1\)\(f\)\)\. The draft does not yet\.$/,
    );
  });
});
