/** Small helpers for words on pages, in the CLI and in messages; also Nunjucks filters (kernel/views). */

/** `plural(1, 'change')` → "1 change"; `plural(3, 'priority', 'priorities')` → "3 priorities". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/**
 * Text whose `backticked` spans are code, as HTML: everything escaped, each pair of backticks a <code>
 * element. For descriptions written once for both the OpenAPI document (Markdown) and a page.
 */
export function inlineCodeHtml(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}
