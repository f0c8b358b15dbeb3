import { beforeAll, describe, expect, it } from 'vitest';
import { expectMatchesOpenApi } from '../../kernel/testing/openapi.ts';
import { useTestApp } from '../../kernel/testing/test-app.ts';
import { testEngines } from '../../kernel/testing/test-database.ts';
import { DOMAINS } from '../domains.ts';
import { HIDDEN_WORDS, SEARCH_FIXTURE, VISIBLE_WORDS } from './search.testing.ts';

const SOURCES = DOMAINS.modules.flatMap((module) => module.search ?? []);

describe.each(testEngines())('public search on %s', (engine) => {
  const fixture = useTestApp(engine);
  const search = (query: Record<string, unknown>) => fixture.services.search.search(SOURCES, query);

  beforeAll(async () => {
    await fixture.database.current.sql.exec(SEARCH_FIXTURE);
  });

  it.each(Object.entries(VISIBLE_WORDS))(
    'finds the public %s, linked to its page',
    async (kind, expected) => {
      const outcome = await search({ q: expected.word });
      expect(outcome.state).toBe('found');
      expect(outcome.results.map((result) => result.kind)).toEqual([kind]);
      expect(outcome.results[0]?.url.startsWith(expected.url)).toBe(true);
      const marked = [...(outcome.results[0]?.titleSegments ?? []), ...(outcome.results[0]?.snippet ?? [])];
      expect(
        marked.filter((segment) => segment.match).map((segment) => segment.text.toLowerCase()),
      ).toContain(expected.word.toLowerCase());
    },
  );

  it.each(Object.entries(HIDDEN_WORDS))('never finds a %s the public may not see', async (_kind, words) => {
    for (const word of words) {
      const outcome = await search({ q: word });
      expect(outcome.state, word).toBe('found');
      expect(outcome.total, word).toBe(0);
    }
  });

  it('ranks title matches first, stems words, counts every type and filters by type', async () => {
    const outcome = await search({ q: 'burglaries' });
    const counts = Object.fromEntries(outcome.counts.map((count) => [count.kind, count.count]));
    expect(counts).toMatchObject({
      plan: 1,
      measure: 1,
      paper: 1,
      minute: 1,
      recommendation: 1,
      decision: 1,
    });
    expect(outcome.total).toBe(6);
    const filtered = await search({ q: 'burglaries', type: ['paper', 'decision'] });
    expect(filtered.results.map((result) => result.kind).sort()).toEqual(['decision', 'paper']);
    expect(filtered.total).toBe(2);
    expect(filtered.counts.find((count) => count.kind === 'minute')?.count).toBe(1);
    const ranked = await search({ q: 'burglary questioned' });
    expect(ranked.results[0]?.kind).toBe('minute');
  });

  it('says what is wrong with bad input, and treats blank and punctuation-only queries apart', async () => {
    expect((await search({})).state).toBe('blank');
    expect((await search({ q: '   ' })).state).toBe('blank');
    expect((await search({ q: '?!…,;' })).state).toBe('no-words');
    expect((await search({ q: 'the' })).state).toBe('no-words');
    expect((await search({ q: '"unclosed -' })).state).toBe('found');
    const long = await search({ q: 'a'.repeat(201) });
    expect(long.errors.map((error) => error.field)).toEqual(['q']);
    const bad = await search({ q: 'x', type: 'grant', page: '0' });
    expect(bad.errors.map((error) => error.field)).toEqual(['type', 'page']);
  });

  it('pages the page and answers the API as its OpenAPI document says', async () => {
    const { app } = fixture;
    const page = await app.inject({ method: 'GET', url: '/search?q=burglary&type=paper' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('1 result');
    expect(page.body).toContain('<mark>burglary</mark>');
    expect((await app.inject({ method: 'GET', url: '/search' })).body).toContain(
      'data-testid="search-blank"',
    );
    const none = await app.inject({ method: 'GET', url: '/search?q=zebra' });
    expect(none.body).toContain('data-testid="search-none"');
    const tooLong = await app.inject({ method: 'GET', url: `/search?q=${'a'.repeat(201)}` });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('govuk-error-summary');

    const document = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const api = await app.inject({ method: 'GET', url: '/api/v1/search?q=burglary' });
    expect(api.statusCode).toBe(200);
    expectMatchesOpenApi(document, 'get', '/api/v1/search', 200, api.json());
    expect(api.json().results[0].url).toMatch(/^http:\/\/localhost:3000\//);
    const refused = await app.inject({ method: 'GET', url: '/api/v1/search?q=x&type=grant' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('type');
  });

  it('escapes what it quotes', async () => {
    await fixture.database.current.sql.exec(
      `UPDATE minute_item SET text = 'Visibleminute <b>Smith & Sons</b> burglary' WHERE number = 1 AND body_id = 9002`,
    );
    const page = await fixture.app.inject({ method: 'GET', url: '/search?q=Visibleminute' });
    expect(page.body).toContain('<mark>Visibleminute</mark>');
    expect(page.body).toContain('Smith &amp; Sons');
    expect(page.body).not.toContain('<b>Smith');
  });
});
