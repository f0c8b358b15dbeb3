import { formatDate } from '../../kernel/formats/dates.ts';
import { searchPaths } from './search.paths.ts';
import type { SearchOutcome } from './search.service.ts';

interface PageLink {
  href: string;
  labelText?: string;
}

function pageHref(outcome: SearchOutcome, page: number): string {
  const params = new URLSearchParams({ q: outcome.text });
  for (const type of outcome.types) params.append('type', type);
  if (page > 1) params.set('page', String(page));
  return `${searchPaths.search()}?${params.toString()}`;
}

/** GOV.UK pagination: previous and next, and each page's number (the list is short: at most 50 pages). */
function pagination(outcome: SearchOutcome) {
  if (outcome.pages <= 1) return null;
  const last = Math.min(outcome.pages, 50);
  const link = (page: number): PageLink => ({ href: pageHref(outcome, page) });
  return {
    previous: outcome.page > 1 ? link(outcome.page - 1) : undefined,
    next: outcome.page < last ? link(outcome.page + 1) : undefined,
    items: Array.from({ length: last }, (_, index) => ({
      number: index + 1,
      href: pageHref(outcome, index + 1),
      current: index + 1 === outcome.page,
    })),
  };
}

function summary(outcome: SearchOutcome): string {
  const first = (outcome.page - 1) * outcome.pageSize + 1;
  const last = first + outcome.results.length - 1;
  const noun = outcome.total === 1 ? 'result' : 'results';
  if (outcome.results.length === 0) return `${outcome.total} ${noun}`;
  return outcome.pages > 1
    ? `${outcome.total} ${noun}, showing ${first} to ${last}`
    : `${outcome.total} ${noun}`;
}

export function toSearchView(outcome: SearchOutcome) {
  return {
    outcome,
    summary: summary(outcome),
    errorList: outcome.errors.map((error) => ({ text: error.message, href: `#${error.field}` })),
    errorFor: Object.fromEntries(outcome.errors.map((error) => [error.field, { text: error.message }])),
    typeItems: outcome.counts.map((count) => ({
      value: count.kind,
      text: `${count.plural} (${count.count})`,
      checked: count.selected,
    })),
    results: outcome.results.map((result) => ({
      ...result,
      date: result.dated ? formatDate(result.dated) : null,
    })),
    pagination: pagination(outcome),
  };
}

export type SearchView = ReturnType<typeof toSearchView>;
