import type { MeasureDirection, PlanFile } from './plans.file-schema.ts';
import type { VersionTreeRows } from './plans.queries.ts';
import { STATUTORY_SECTIONS, type StatutorySection } from './plans.statutory.ts';
import type { LinkedItemKind } from './plans.tables.ts';

/** A plan version's content, as pages, the API, files and comparisons see it. */
export interface PlanTree {
  pillars: {
    code: string;
    title: string;
    summary: string | null;
    priorities: {
      code: string;
      title: string;
      summary: string | null;
      aims: { code: string; text: string }[];
      measures: { code: string; text: string; direction: MeasureDirection }[];
    }[];
  }[];
  linkedItems: {
    kind: LinkedItemKind;
    code: string;
    title: string;
    summary: string | null;
    priorities: string[];
  }[];
  /** What the plan sets out besides its objectives (PRSRA 2011 s7(1)(b)-(f)), in the Act's order; unwritten ones absent. */
  statutory: { section: StatutorySection; text: string }[];
}

const FILE_LISTS: [LinkedItemKind, 'enablers' | 'strategicPolicingRequirement' | 'nationalMeasures'][] = [
  ['enabler', 'enablers'],
  ['spr-threat', 'strategicPolicingRequirement'],
  ['national-measure', 'nationalMeasures'],
];

export function treeFromRows(rows: VersionTreeRows): PlanTree {
  const priorityCode = new Map(rows.priorities.map((priority) => [priority.id, priority.code]));
  return {
    pillars: rows.pillars.map((pillar) => ({
      code: pillar.code,
      title: pillar.title,
      summary: pillar.summary,
      priorities: rows.priorities
        .filter((priority) => priority.pillarId === pillar.id)
        .map((priority) => ({
          code: priority.code,
          title: priority.title,
          summary: priority.summary,
          aims: rows.aims
            .filter((aim) => aim.priorityId === priority.id)
            .map(({ code, text }) => ({ code, text })),
          measures: rows.measures
            .filter((measure) => measure.priorityId === priority.id)
            .map(({ code, text, direction }) => ({ code, text, direction })),
        })),
    })),
    linkedItems: rows.linkedItems.map((item) => ({
      kind: item.kind,
      code: item.code,
      title: item.title,
      summary: item.summary,
      priorities: rows.links
        .filter((link) => link.itemId === item.id)
        .map((link) => priorityCode.get(link.priorityId) ?? '')
        .filter((code) => code !== ''),
    })),
    statutory: inActOrder(rows.statutory),
  };
}

function inActOrder(entries: { section: StatutorySection; text: string }[]): PlanTree['statutory'] {
  return [...entries]
    .sort((a, b) => STATUTORY_SECTIONS.indexOf(a.section) - STATUTORY_SECTIONS.indexOf(b.section))
    .map(({ section, text }) => ({ section, text }));
}

export function treeFromFile(file: PlanFile): PlanTree {
  return {
    pillars: file.pillars.map((pillar) => ({
      code: pillar.code,
      title: pillar.title,
      summary: pillar.summary ?? null,
      priorities: pillar.priorities.map((priority) => ({
        code: priority.code,
        title: priority.title,
        summary: priority.summary ?? null,
        aims: priority.aims.map(({ code, text }) => ({ code, text })),
        measures: priority.measures.map(({ code, text, direction }) => ({ code, text, direction })),
      })),
    })),
    linkedItems: FILE_LISTS.flatMap(([kind, list]) =>
      file[list].map((item) => ({
        kind,
        code: item.code,
        title: item.title,
        summary: item.summary ?? null,
        priorities: item.priorities,
      })),
    ),
    statutory: inActOrder(
      Object.entries(file.statutoryContents ?? {}).map(([section, text]) => ({
        section: section as StatutorySection,
        text,
      })),
    ),
  };
}

/** The file for a plan version: exporting then importing it gives the same plan. */
export function fileFromTree(plan: PlanFile['plan'], tree: PlanTree): PlanFile {
  const optional = <T>(value: T | null) => (value === null ? {} : { summary: value });
  return {
    format: 'peelian-plan/1',
    plan,
    pillars: tree.pillars.map((pillar) => ({
      code: pillar.code,
      title: pillar.title,
      ...optional(pillar.summary),
      priorities: pillar.priorities.map((priority) => ({
        code: priority.code,
        title: priority.title,
        ...optional(priority.summary),
        aims: priority.aims,
        measures: priority.measures,
      })),
    })),
    ...Object.fromEntries(
      FILE_LISTS.map(([kind, list]) => [
        list,
        tree.linkedItems
          .filter((item) => item.kind === kind)
          .map((item) => ({
            code: item.code,
            title: item.title,
            ...optional(item.summary),
            priorities: item.priorities,
          })),
      ]),
    ),
    ...(tree.statutory.length > 0
      ? { statutoryContents: Object.fromEntries(tree.statutory.map((entry) => [entry.section, entry.text])) }
      : {}),
  } as PlanFile;
}

export type ElementKind = 'pillar' | 'priority' | 'aim' | 'measure' | LinkedItemKind | 'statutory';

export interface PlanChange {
  kind: ElementKind;
  code: string;
  change:
    | 'added'
    | 'removed'
    | 'renamed'
    | 'reworded'
    | 'summary changed'
    | 'direction changed'
    | 'links changed'
    | 'moved';
  before: string | null;
  after: string | null;
}

/** The fields compared on every element, in the order their changes are listed. */
type ComparedField = 'words' | 'summary' | 'direction' | 'links' | 'parent';

interface Element {
  kind: ElementKind;
  code: string;
  /** Title or wording: a change is a rename for titled things, a re-wording for text. */
  words: string;
  summary: string | null;
  direction: MeasureDirection | null;
  /** A linked item's priorities, as one comparable string. */
  links: string | null;
  parent: string | null;
}

const FIELD_CHANGES: Record<Exclude<ComparedField, 'words'>, PlanChange['change']> = {
  summary: 'summary changed',
  direction: 'direction changed',
  links: 'links changed',
  parent: 'moved',
};

function elementsOf(tree: PlanTree): Map<string, Element> {
  const elements = new Map<string, Element>();
  const add = (element: Partial<Element> & Pick<Element, 'kind' | 'code' | 'words'>) =>
    elements.set(`${element.kind}:${element.code}`, {
      summary: null,
      direction: null,
      links: null,
      parent: null,
      ...element,
    });
  for (const pillar of tree.pillars) {
    add({ kind: 'pillar', code: pillar.code, words: pillar.title, summary: pillar.summary });
    for (const priority of pillar.priorities) {
      add({
        kind: 'priority',
        code: priority.code,
        words: priority.title,
        summary: priority.summary,
        parent: pillar.code,
      });
      for (const aim of priority.aims)
        add({ kind: 'aim', code: aim.code, words: aim.text, parent: priority.code });
      for (const measure of priority.measures) {
        add({
          kind: 'measure',
          code: measure.code,
          words: measure.text,
          parent: priority.code,
          direction: measure.direction,
        });
      }
    }
  }
  for (const item of tree.linkedItems)
    add({
      kind: item.kind,
      code: item.code,
      words: item.title,
      summary: item.summary,
      links: item.priorities.join(', '),
    });
  for (const entry of tree.statutory) add({ kind: 'statutory', code: entry.section, words: entry.text });
  return elements;
}

/**
 * What changed from one version to another, element by element, matched by code: added, removed, renamed
 * (a title) or re-worded (an aim's or measure's text), its summary, a measure's direction or a linked item's
 * priorities changed, or moved to another pillar or priority. Every field of the tree is compared, so an
 * edit is never invisible here (and so never escapes the re-consultation warning).
 */
export function diffTrees(before: PlanTree, after: PlanTree): PlanChange[] {
  const old = elementsOf(before);
  const current = elementsOf(after);
  const changes: PlanChange[] = [];
  const record = (element: Element, change: PlanChange['change'], was: string | null, is: string | null) =>
    changes.push({ kind: element.kind, code: element.code, change, before: was, after: is });
  for (const [key, element] of current) {
    const previous = old.get(key);
    if (!previous) {
      record(element, 'added', null, element.words);
      continue;
    }
    if (previous.words !== element.words) {
      const titled = !['aim', 'measure', 'statutory'].includes(element.kind);
      record(element, titled ? 'renamed' : 'reworded', previous.words, element.words);
    }
    for (const [field, change] of Object.entries(FIELD_CHANGES) as [
      keyof typeof FIELD_CHANGES,
      PlanChange['change'],
    ][]) {
      if (previous[field] !== element[field]) record(element, change, previous[field], element[field]);
    }
  }
  for (const [key, element] of old) {
    if (!current.has(key)) record(element, 'removed', element.words, null);
  }
  return changes;
}
