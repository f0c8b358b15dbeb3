/** Words on pages, in the CLI and in messages; `plural` is also a Nunjucks filter (kernel/views). */

/** `plural(1, 'change')` → "1 change"; `plural(3, 'priority', 'priorities')` → "3 priorities". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** A text as its paragraphs, split at blank lines (minutes, recommendations, responses). */
export function paragraphs(text: string | null): string[] {
  return text ? text.split(/\n\s*\n/).map((paragraph) => paragraph.trim()) : [];
}
