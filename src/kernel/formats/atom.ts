/** One entry of an Atom feed. Paths are the site's own (`/decisions/x/1`); the feed makes them absolute. */
export interface AtomEntry {
  /** The site path of the entry's page: its link, and (made absolute) its permanent id. */
  path: string;
  title: string;
  /** When the entry last changed in a way a reader should see again. */
  updated: Date;
  /** When it was first made public, if that differs from `updated`. */
  published?: Date;
  /** Plain text: a feed reader shows it as it is, never as markup. */
  summary?: string;
  author?: string;
  categories?: readonly string[];
}

export interface AtomFeed {
  /** The site path of the feed itself (its `self` link and its id) and of the page it follows. */
  path: string;
  pagePath: string;
  title: string;
  subtitle?: string;
  /** Who the feed is from: every entry without an author of its own is theirs (RFC 4287 4.1.1). */
  author: string;
  entries: readonly AtomEntry[];
  /** When an empty feed says it was last updated; a feed with entries says when its newest changed. */
  emptySince: Date;
}

/**
 * An Atom 1.0 feed (RFC 4287). Ids are the absolute URLs of the pages, built on the installation's base URL,
 * so an entry keeps its id for as long as its page keeps its address; timestamps are RFC 3339 in UTC. Text
 * is escaped for XML and anything XML 1.0 cannot carry (control characters, lone surrogates) is dropped, so
 * no record's text can break the feed or inject markup.
 */
export function toAtom(baseUrl: string, feed: AtomFeed): string {
  const url = (path: string) => absoluteUrl(baseUrl, path);
  const newest = feed.entries.reduce(
    (latest, entry) => (entry.updated > latest ? entry.updated : latest),
    feed.entries.length ? new Date(0) : feed.emptySince,
  );
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    element('id', url(feed.path)),
    element('title', feed.title),
    ...(feed.subtitle ? [element('subtitle', feed.subtitle)] : []),
    element('updated', timestamp(newest)),
    `<author>${element('name', feed.author)}</author>`,
    link('self', url(feed.path), 'application/atom+xml'),
    link('alternate', url(feed.pagePath), 'text/html'),
    element('generator', 'Peelian'),
    ...feed.entries.map((entry) => entryXml(entry, url)),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}

function entryXml(entry: AtomEntry, url: (path: string) => string): string {
  const parts = [
    element('id', url(entry.path)),
    element('title', entry.title),
    element('updated', timestamp(entry.updated)),
    ...(entry.published ? [element('published', timestamp(entry.published))] : []),
    ...(entry.author ? [`<author>${element('name', entry.author)}</author>`] : []),
    link('alternate', url(entry.path), 'text/html'),
    ...(entry.categories ?? []).map((term) => `<category term="${escapeXml(term)}"/>`),
    ...(entry.summary ? [element('summary', entry.summary)] : []),
  ];
  return `<entry>\n  ${parts.join('\n  ')}\n</entry>`;
}

/** A path on the installation as an absolute URL; the base URL may itself sit under a path. */
export function absoluteUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function element(name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`;
}

function link(rel: string, href: string, type: string): string {
  return `<link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>`;
}

/** RFC 3339 in UTC, to the second: 2026-06-17T10:00:00Z. */
function timestamp(instant: Date): string {
  return `${instant.toISOString().slice(0, 19)}Z`;
}

// XML 1.0's Char production: tab, new line, carriage return, and the rest of Unicode bar surrogates and FFFE/FFFF.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text and attribute values escaped for XML, with characters XML cannot carry at all removed. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}
