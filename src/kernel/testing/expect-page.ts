import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/** The page came back with the status, and shows each of the phrases. */
export function expectPage(response: LightMyRequestResponse, status: number, ...phrases: string[]) {
  expect(response.statusCode).toBe(status);
  for (const phrase of phrases) expect(response.body).toContain(phrase);
}

/**
 * A form refused as GOV.UK asks: 400, the page again, and on it each of the phrases (the error messages,
 * the links to the fields, the values typed).
 */
export function expectRefused(response: LightMyRequestResponse, ...phrases: string[]) {
  expectPage(response, 400, ...phrases);
}
