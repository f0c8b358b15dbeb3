import { meetingPaths } from '../scrutiny.paths.ts';
import type { AgendaItemRow } from '../scrutiny.queries.ts';
import { exemptReason, toAgendaView } from '../scrutiny.view-models.ts';
import { PAPER_KINDS } from './papers.file-types.ts';
import type { PaperRow } from './papers.queries.ts';

/** 1536 → "2 KB", 1_258_291 → "1.2 MB": a file's size as people read it. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const megabytes = bytes / 1024 / 1024;
  return `${megabytes < 10 ? megabytes.toFixed(1) : Math.round(megabytes)} MB`;
}

export const paperUrl = (paper: Pick<PaperRow, 'id' | 'meetingId'>) =>
  meetingPaths.paper({ id: paper.meetingId, paperId: paper.id });

export function toPaperView(paper: PaperRow) {
  const kind = PAPER_KINDS[paper.mediaType];
  return {
    id: paper.id,
    title: paper.title,
    url: paperUrl(paper),
    fileName: paper.fileName,
    kind: kind.label,
    size: formatBytes(paper.byteSize),
    // The link's words say what the download is, for people who hear links out of context.
    description: `${kind.extension.toUpperCase()}, ${formatBytes(paper.byteSize)}`,
    exempt: exemptReason(paper.effectiveExemptParagraph),
  };
}
export type PaperView = ReturnType<typeof toPaperView>;

/**
 * A meeting's papers grouped as its agenda runs: papers on the meeting as a whole first, then each item's.
 * Items without papers are left out; an exempt item's papers are marked (the public never receives them).
 */
export function toPaperGroups(items: AgendaItemRow[], papers: PaperRow[]) {
  const groups: { heading: string; papers: PaperView[] }[] = [];
  const general = papers.filter((paper) => paper.agendaItemId === null);
  if (general.length > 0)
    groups.push({ heading: 'The meeting as a whole', papers: general.map(toPaperView) });
  for (const item of items) {
    const own = papers.filter((paper) => paper.agendaItemId === item.id);
    if (own.length > 0)
      groups.push({ heading: `Item ${item.position}: ${item.title}`, papers: own.map(toPaperView) });
  }
  return groups;
}

/** The agenda with each item's own papers, and the papers on the meeting as a whole, for the agenda pack. */
export function toPackView(items: AgendaItemRow[], papers: PaperRow[]) {
  return {
    generalPapers: papers.filter((paper) => paper.agendaItemId === null).map(toPaperView),
    items: toAgendaView(items).map((view, index) => ({
      ...view,
      papers: papers.filter((paper) => paper.agendaItemId === items[index]?.id).map(toPaperView),
    })),
  };
}

/** The choices for which part of the meeting a paper belongs to. */
export function agendaItemOptions(items: AgendaItemRow[], selected: unknown = '') {
  return [
    { value: '', text: 'The meeting as a whole' },
    ...items.map((item) => ({ value: String(item.id), text: `Item ${item.position}: ${item.title}` })),
  ].map((option) => ({ ...option, selected: option.value === String(selected ?? '') }));
}
