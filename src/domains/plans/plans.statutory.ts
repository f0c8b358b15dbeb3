import type { PlanTree } from './plans.tree.ts';

/**
 * What a Police and Crime Plan must set out: Police Reform and Social Responsibility Act 2011 s7(1). The
 * objectives (s7(1)(a)) are the plan's priorities; the other five are a text each, kept per version
 * (`plan_statutory_section`, migration 0038). Peelian warns of a gap before a draft is issued (issue 18 item 8:
 * the 2016 draft still said "Need text") and shows readers of an issued plan what it leaves unsaid.
 */
export const STATUTORY_SECTIONS = ['policing', 'resources', 'reporting', 'performance', 'grants'] as const;
export type StatutorySection = (typeof STATUTORY_SECTIONS)[number];

interface SectionRule {
  /** The heading a plan page and a form give it. */
  title: string;
  citation: string;
}

export const STATUTORY_RULES: Record<StatutorySection | 'objectives', SectionRule> = {
  objectives: { title: 'The police and crime objectives', citation: 's7(1)(a)' },
  policing: { title: 'The policing the chief constable is to provide', citation: 's7(1)(b)' },
  resources: {
    title: 'The financial and other resources the Commissioner gives the chief constable',
    citation: 's7(1)(c)',
  },
  reporting: {
    title: 'How the chief constable reports to the Commissioner on that policing',
    citation: 's7(1)(d)',
  },
  performance: { title: 'How the chief constable’s performance is measured', citation: 's7(1)(e)' },
  grants: {
    title: 'The crime and disorder reduction grants the Commissioner will make, and their conditions',
    citation: 's7(1)(f)',
  },
};

/** The Act, as the warnings cite it. */
export const STATUTORY_SOURCE = 'Police Reform and Social Responsibility Act 2011';

/**
 * Words drafters leave where text is still to come. A section or objective saying only this is empty: a whole
 * text of one of these (with or without brackets and a full stop), or a text with "need text" anywhere in it.
 */
const PLACEHOLDER =
  /^[[(]?\s*(tbc|tbd|todo|to do|to follow|to be confirmed|to be added|xx+|\.\.\.|…)\s*[\])]?\.?$/i;

export function isPlaceholder(text: string): boolean {
  const trimmed = text.trim();
  return trimmed === '' || PLACEHOLDER.test(trimmed) || /need(s)? text/i.test(trimmed);
}

export interface StatutoryGap {
  section: StatutorySection | 'objectives';
  title: string;
  citation: string;
  /** Why it counts as empty, in a sentence. */
  problem: string;
}

/** Each section of s7(1) the version leaves empty or holding a placeholder, in the Act's order. */
export function statutoryGaps(tree: PlanTree): StatutoryGap[] {
  const gaps: StatutoryGap[] = [];
  const gap = (section: StatutoryGap['section'], problem: string) =>
    gaps.push({ section, ...STATUTORY_RULES[section], problem });
  const objectives = tree.pillars.flatMap((pillar) => pillar.priorities);
  const unwritten = objectives.filter(
    (priority) =>
      isPlaceholder(priority.title) || (priority.summary !== null && isPlaceholder(priority.summary)),
  );
  if (objectives.length === 0) gap('objectives', 'The plan has no priorities.');
  else if (unwritten.length > 0)
    gap(
      'objectives',
      `${unwritten.map((priority) => priority.code).join(', ')} still ${unwritten.length === 1 ? 'holds' : 'hold'} placeholder text.`,
    );
  const written = new Map(tree.statutory.map((entry) => [entry.section, entry.text]));
  for (const section of STATUTORY_SECTIONS) {
    const text = written.get(section);
    if (text === undefined) gap(section, 'The plan does not say.');
    else if (isPlaceholder(text)) gap(section, `It says only “${text.trim()}”.`);
  }
  return gaps;
}

/** One warning for a draft's gaps, or null when it sets out everything the Act asks for. */
export function describeGapsBeforeIssue(gaps: StatutoryGap[]): string | null {
  if (gaps.length === 0) return null;
  const list = gaps.map((gap) => `${gap.title.toLowerCase()} (${gap.citation})`).join('; ');
  return `Before the draft is issued: the ${STATUTORY_SOURCE} asks a plan to set out ${list}. The draft does not yet.`;
}
