import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

/**
 * Proves a non-public record never reaches the public: requests, as an anonymous visitor, every public
 * page and API route without parameters (found from the routes' declared permissions, so a module's new
 * public pages are covered without listing them) plus any concrete URLs given, and checks that none of
 * them contains the record's marker text. Give the record a distinctive title, such as a random string.
 */
export async function expectNeverPublic(
  app: FastifyInstance,
  marker: string,
  extraUrls: string[] = [],
): Promise<void> {
  const publicReads = app.declaredRoutes
    .filter((route) => route.method === 'GET' && route.permission === 'public')
    .map((route) => route.url)
    .filter((url) => !url.includes(':') && !url.includes('*'));
  for (const url of [...new Set([...publicReads, ...extraUrls])]) {
    const response = await app.inject({ method: 'GET', url });
    expect(response.body.includes(marker), `${url} shows the non-public record "${marker}"`).toBe(false);
  }
}
