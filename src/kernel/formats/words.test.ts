import { describe, expect, it } from 'vitest';
import { createViewEnvironment } from '../views/nunjucks.ts';
import { plural } from './words.ts';

describe('words', () => {
  it('counts in the singular for exactly one, in the plural otherwise', () => {
    expect(plural(1, 'change')).toBe('1 change');
    expect(plural(0, 'change')).toBe('0 changes');
    expect(plural(2, 'priority', 'priorities')).toBe('2 priorities');
    expect(plural(12345, 'row')).toBe('12,345 rows');
  });

  it('is a filter in every template', () => {
    const env = createViewEnvironment({ assets: {}, areaName: 'Test', watch: false });
    expect(env.renderString('{{ 1 | plural("change") }}, {{ 3 | plural("change") }}', {})).toBe(
      '1 change, 3 changes',
    );
  });
});
