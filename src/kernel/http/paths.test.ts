import { describe, expect, it } from 'vitest';
import { pathTo } from './paths.ts';

describe('pathTo', () => {
  const priority = pathTo('/plans/:slug/priorities/:code');

  it('keeps the route pattern and gives its OpenAPI form', () => {
    expect(priority.pattern).toBe('/plans/:slug/priorities/:code');
    expect(priority.openApi).toBe('/plans/{slug}/priorities/{code}');
  });

  it('fills the parameters, encoded, and adds the query values that are given', () => {
    expect(priority({ slug: 'thames-valley', code: 'P1/2 a' }, { version: 'draft', area: undefined })).toBe(
      '/plans/thames-valley/priorities/P1%2F2%20a?version=draft',
    );
  });

  it('reads a parameter followed by an extension', () => {
    const csv = pathTo('/scorecard/measures/:code.csv');
    expect(csv({ code: 'PC3.M1' }, { area: 'E06 1' })).toBe('/scorecard/measures/PC3.M1.csv?area=E06%201');
  });

  it('takes no parameters for a fixed path, and refuses a missing one', () => {
    expect(pathTo('/plans')()).toBe('/plans');
    expect(() => (priority as (params: object) => string)({ slug: 'x' })).toThrow('needs its code');
  });
});
