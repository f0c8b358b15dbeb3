import { describe, expect, it } from 'vitest';
import { testEngines, useTestDatabase } from '../testing/test-database.ts';
import type { CopyChunk } from './copy.ts';

const TARGET = { table: 'copy_probe', columns: ['id', 'label', 'amount'] } as const;

describe.each(testEngines())('copyFrom on %s', (engine) => {
  const database = useTestDatabase(engine, 'empty');

  async function freshTable() {
    await database.current.sql.exec(
      'DROP TABLE IF EXISTS copy_probe; CREATE TABLE copy_probe (id integer NOT NULL, label text, amount numeric)',
    );
  }

  async function rows() {
    return database.current.sql.query<{ id: number; label: string | null; amount: string | null }>(
      'SELECT id, label, amount::text AS amount FROM copy_probe ORDER BY id',
    );
  }

  it('loads text-format rows with nulls, escapes and any characters, and counts them', async () => {
    await freshTable();
    const loaded = await database.current.sql.copyFrom(TARGET, [
      '1\tplain\t1.5\n2\t\\N\t\\N\n',
      Buffer.from('3\ttab\\there, line\\nbreak, back\\\\slash\t-2\n4\tWindsor – £5 ünïcode\t0\n', 'utf8'),
    ]);
    expect(loaded).toBe(4);
    expect(await rows()).toEqual([
      { id: 1, label: 'plain', amount: '1.5' },
      { id: 2, label: null, amount: null },
      { id: 3, label: 'tab\there, line\nbreak, back\\slash', amount: '-2' },
      { id: 4, label: 'Windsor – £5 ünïcode', amount: '0' },
    ]);
  });

  it('loads CSV with a header line', async () => {
    await freshTable();
    const loaded = await database.current.sql.copyFrom(
      TARGET,
      ['id,label,amount\r\n1,"quoted, with ""comma""",2\r\n', '2,"two\nlines",\r\n'],
      { format: 'csv', header: true },
    );
    expect(loaded).toBe(2);
    expect(await rows()).toEqual([
      { id: 1, label: 'quoted, with "comma"', amount: '2' },
      { id: 2, label: 'two\nlines', amount: null },
    ]);
  });

  it('streams a large input in many pieces (several COPY blocks on PGlite)', async () => {
    await freshTable();
    const count = 250_000;
    async function* generate(): AsyncGenerator<CopyChunk> {
      for (let start = 1; start <= count; start += 1000) {
        let text = '';
        for (let id = start; id < start + 1000; id += 1)
          text += `${id}\tlabel number ${id} padded out a little\t${id}\n`;
        yield text;
      }
    }
    expect(await database.current.sql.copyFrom(TARGET, generate())).toBe(count);
    const [summary] = await database.current.sql.query<{ n: number; total: string }>(
      'SELECT count(*)::int AS n, sum(amount)::text AS total FROM copy_probe',
    );
    expect(summary).toEqual({ n: count, total: String((count * (count + 1)) / 2) });
  });

  it('joins the caller’s transaction: a later failure undoes the load', async () => {
    await freshTable();
    await expect(
      database.current.sql.transaction(async (tx) => {
        expect(await tx.copyFrom(TARGET, ['1\ta\t1\n'])).toBe(1);
        expect(await tx.query('SELECT id FROM copy_probe')).toEqual([{ id: 1 }]);
        throw new Error('something after the copy failed');
      }),
    ).rejects.toThrow('something after the copy failed');
    expect(await rows()).toEqual([]);
  });

  it('loads nothing when a value is wrong, and the database goes on working', async () => {
    await freshTable();
    await expect(
      database.current.sql.copyFrom(TARGET, ['1\ta\t1\n', '2\tb\tnot a number\n']),
    ).rejects.toThrow(/numeric/);
    expect(await rows()).toEqual([]);
    expect(await database.current.sql.copyFrom(TARGET, ['5\te\t5\n'])).toBe(1);
  });

  it('loads nothing when the input fails part way, even after a first block was sent', async () => {
    await freshTable();
    async function* failing(): AsyncGenerator<CopyChunk> {
      yield `${'1\tfirst\t1\n'.repeat(1)}`;
      yield Buffer.alloc(9 * 1024 * 1024, '2\tpadding\t2\n');
      throw new Error('the file could not be read');
    }
    await expect(
      database.current.sql.transaction(async (tx) => {
        await tx.copyFrom(TARGET, failing());
      }),
    ).rejects.toThrow('the file could not be read');
    expect(await rows()).toEqual([]);
    expect(await database.current.sql.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });
});
