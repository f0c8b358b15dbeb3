import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { absoluteUrl, toAtom } from './atom.ts';

// linkedom reads XML leniently (it would accept a missing end tag), so these tests check structure and text
// as a reader gets them; the decision register's browser journey has Chromium's strict XML parser read a feed.
const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');

const FEED = {
  path: '/things/feed.atom',
  pagePath: '/things',
  title: 'Things',
  author: 'An office',
  emptySince: new Date('2026-01-01T00:00:00Z'),
};

describe('toAtom', () => {
  it('writes the elements RFC 4287 requires, with absolute URL ids and RFC 3339 times', () => {
    const xml = toAtom('https://peelian.example/tv/', {
      ...FEED,
      entries: [
        {
          path: '/things/1',
          title: 'One',
          updated: new Date('2026-06-17T10:00:00.123Z'),
          summary: 'The first',
        },
        { path: '/things/2', title: 'Two', updated: new Date('2026-06-18T09:30:00Z'), author: 'Someone' },
      ],
    });
    expect(
      xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"'),
    ).toBe(true);
    const feed = parse(xml).documentElement as unknown as Element;
    const child = (parent: Element, name: string) =>
      [...parent.children].filter((each) => each.tagName === name);
    expect(child(feed, 'id')[0]?.textContent).toBe('https://peelian.example/tv/things/feed.atom');
    expect(child(feed, 'title')[0]?.textContent).toBe('Things');
    // The feed is as new as its newest entry.
    expect(child(feed, 'updated')[0]?.textContent).toBe('2026-06-18T09:30:00Z');
    expect(child(feed, 'author')[0]?.textContent).toBe('An office');
    const links = child(feed, 'link').map((link) => [link.getAttribute('rel'), link.getAttribute('href')]);
    expect(links).toEqual([
      ['self', 'https://peelian.example/tv/things/feed.atom'],
      ['alternate', 'https://peelian.example/tv/things'],
    ]);
    const entries = child(feed, 'entry');
    expect(entries).toHaveLength(2);
    const [first, second] = entries as [Element, Element];
    expect(child(first, 'id')[0]?.textContent).toBe('https://peelian.example/tv/things/1');
    expect(child(first, 'updated')[0]?.textContent).toBe('2026-06-17T10:00:00Z');
    expect(child(first, 'summary')[0]?.textContent).toBe('The first');
    expect(child(first, 'link')[0]?.getAttribute('href')).toBe('https://peelian.example/tv/things/1');
    expect(child(second, 'author')[0]?.textContent).toBe('Someone');
  });

  it('escapes markup and drops characters XML cannot carry, so text reads back exactly', () => {
    const hostile = 'Fish & chips <script>alert("x")</script> it\'s ]]> done\u0000\u0007';
    const xml = toAtom('http://localhost:3000', {
      ...FEED,
      title: hostile,
      entries: [
        {
          path: '/things/a&b',
          title: hostile,
          updated: new Date('2026-06-17T10:00:00Z'),
          categories: ['x"y'],
        },
      ],
    });
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('\u0000');
    expect(xml).toContain('<title>Fish &amp; chips &lt;script&gt;alert(&quot;x&quot;)');
    const document = parse(xml);
    const entry = document.getElementsByTagName('entry')[0] as Element;
    expect(entry.getElementsByTagName('title')[0]?.textContent).toBe(
      'Fish & chips <script>alert("x")</script> it\'s ]]> done',
    );
    expect(entry.getElementsByTagName('category')[0]?.getAttribute('term')).toBe('x"y');
    // linkedom leaves &amp; undecoded in an attribute, so the escaped link is checked as written.
    expect(xml).toContain('href="http://localhost:3000/things/a&amp;b"');
  });

  it('dates an empty feed from when it was empty since', () => {
    const document = parse(toAtom('http://localhost:3000', { ...FEED, entries: [] }));
    expect(document.getElementsByTagName('updated')[0]?.textContent).toBe('2026-01-01T00:00:00Z');
    expect(document.getElementsByTagName('entry')).toHaveLength(0);
  });

  it('joins a base URL and a path with one slash', () => {
    expect(absoluteUrl('http://x.example/', '/a')).toBe('http://x.example/a');
    expect(absoluteUrl('http://x.example', 'a')).toBe('http://x.example/a');
  });
});
