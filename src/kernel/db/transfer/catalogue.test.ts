import { describe, expect, it } from 'vitest';
import { inDependencyOrder } from './catalogue.ts';

const tables = (...names: string[]) => names.map((table) => ({ table }));

describe('inDependencyOrder', () => {
  it('puts each table after those it references, ties alphabetically, and ignores a table referencing itself', () => {
    const ordered = inDependencyOrder(tables('paper', 'meeting', 'body', 'area', 'authority'), [
      { child: 'paper', parent: 'meeting' },
      { child: 'meeting', parent: 'body' },
      { child: 'body', parent: 'area' },
      { child: 'authority', parent: 'authority' },
      { child: 'authority', parent: 'area' },
    ]);
    expect(ordered.map(({ table }) => table)).toEqual(['area', 'authority', 'body', 'meeting', 'paper']);
  });

  it('refuses tables that reference each other in a cycle, naming them', () => {
    expect(() =>
      inDependencyOrder(tables('a', 'b', 'c'), [
        { child: 'a', parent: 'b' },
        { child: 'b', parent: 'a' },
      ]),
    ).toThrow('The tables a, b reference each other in a cycle, so no load order fits.');
  });
});
