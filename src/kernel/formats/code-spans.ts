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
 * Text written with Markdown code spans (`like this`), as in the OpenAPI descriptions, made into HTML: every
 * character escaped first, then each pair of backticks around its escaped contents becomes <code>. Nothing
 * else of Markdown is read, so no markup in the text can reach the page.
 */
export function codeSpansToHtml(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}
