import type { IsoDate } from '../../kernel/calendar/index.ts';

// What a performance pack holds, as plain JSON: a draft is drawn afresh on every read, and an issued pack keeps
// this document in the database, so the page and the PDF of an issued pack are drawn from exactly what was
// issued, whatever the data says later.

/** A table cell as text; `numeric` right-aligns it, `colspan` joins cells (a month not judged). */
export type PackCell = {
  text: string;
  numeric?: boolean;
  colspan?: number;
};

export type PackTable = {
  caption: string;
  head: PackCell[];
  rows: PackCell[][];
};

/** One indicator of a measure: its judgement in words, its chart (an accessible SVG) and the chart's table. */
export type PackFigure = {
  title: string;
  judgement: string;
  explanation: string | null;
  period: string | null;
  chart: string | null;
  table: PackTable;
  source: string;
};

export type PackBlock =
  | { kind: 'measure'; code: string; text: string; figures: PackFigure[] }
  | { kind: 'table'; table: PackTable }
  | { kind: 'text'; text: string };

/** One provider's part of the pack under one heading: a priority's measures, its decisions, and so on. */
export type PackSection = {
  /** Unique in the pack, used as the section's anchor. */
  id: string;
  heading: string;
  blocks: PackBlock[];
};

export type PackPriority = {
  id: string;
  code: string;
  title: string;
  pillar: string;
  sections: PackSection[];
};

export type PackQuarter = {
  financialYear: number;
  quarter: number;
  start: IsoDate;
  end: IsoDate;
  /** e.g. "Quarter 3 2025/26 (October to December 2025)". */
  label: string;
};

export type PackContent = {
  format: 'peelian-pack/1';
  title: string;
  body: { slug: string; name: string };
  plan: { slug: string; title: string; version: number };
  quarter: PackQuarter;
  edition: number;
  /** When the data was drawn: the moment of issue, or of the draft's reading. */
  drawnAt: string;
  priorities: PackPriority[];
  /** Sections not tied to one priority (decisions concerning none, open inspection recommendations). */
  general: PackSection[];
};

/** What a provider is told: whose pack, which plan version and quarter, and the plan's priorities. */
export interface PackScope {
  body: { id: number; slug: string; name: string };
  plan: { slug: string; version: number };
  quarter: PackQuarter;
  priorities: { code: string; title: string; pillar: string }[];
}

/** What a provider adds: blocks under each priority it has something for, and blocks for the whole plan. */
export interface PackContribution {
  byPriority: Map<string, PackBlock[]>;
  general: PackBlock[];
}

/**
 * A domain's part of the pack. Each provider draws what the public may see of its own records for the scope
 * (the pack is public once issued, so providers read as an anonymous reader) and says what an empty part
 * means. Adding a part of the pack (delivery actions due and done, say) is one more provider in the list.
 */
export interface PackSectionProvider {
  key: string;
  heading: string;
  /** The heading of its part for the whole plan; null when it has none. */
  generalHeading: string | null;
  /** Said under a priority (or the whole plan) where the provider has nothing. */
  emptyText: string;
  draw(scope: PackScope): Promise<PackContribution>;
}
