import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { namedRelations, readRelations } from '../kernel/testing/read-rule.ts';
import { testEngines, useTestDatabase } from '../kernel/testing/test-database.ts';

describe.each(testEngines())('change signals on %s (decision record 0004)', (engine) => {
  const database = useTestDatabase(engine);

  it("has no trigger on one domain's table write another domain's tables", async () => {
    const relations = readRelations();
    const { rows } = await sql<{ trigger: string; table: string; body: string }>`
      SELECT t.tgname AS trigger, c.relname AS table, p.prosrc AS body
        FROM pg_trigger t
        JOIN pg_class c ON c.oid = t.tgrelid
        JOIN pg_proc p ON p.oid = t.tgfoid
       WHERE NOT t.tgisinternal`.execute(database.current.db);
    expect(rows.length).toBeGreaterThan(0);
    const breaches = rows.flatMap((row) => {
      const owner = relations.get(row.table)?.owner;
      return [...namedRelations(row.body)]
        .filter((written) => relations.has(written) && relations.get(written)?.owner !== owner)
        .map((written) => `${row.trigger} on ${row.table} (${owner}) writes ${written}`);
    });
    expect(breaches).toEqual([]);
  });

  it('has a view in the database for every published relation the types name', async () => {
    const published = [...readRelations()].filter(([, relation]) => relation.published).map(([name]) => name);
    const { rows } = await sql<{ name: string }>`
      SELECT table_name AS name FROM information_schema.views WHERE table_schema = current_schema()`.execute(
      database.current.db,
    );
    const views = new Set(rows.map((row) => row.name));
    expect(published.length).toBeGreaterThan(0);
    expect(published.filter((name) => !views.has(name))).toEqual([]);
  });

  it('moves a producer’s published change signal when its tables change', async () => {
    const db = database.current.db;
    const versions = () =>
      Promise.all([
        db.selectFrom('plansPublishedChange').select('version').executeTakeFirstOrThrow(),
        db.selectFrom('areasPublishedChange').select('version').executeTakeFirstOrThrow(),
      ]).then(([plans, areas]) => ({ plans: String(plans.version), areas: String(areas.version) }));
    const before = await versions();
    await db.updateTable('forceArea').set({ name: 'Nowhere' }).where('id', '=', -1).execute();
    const afterArea = await versions();
    expect(afterArea).toEqual({ plans: before.plans, areas: String(BigInt(before.areas) + 1n) });
    await db.deleteFrom('planMeasure').where('id', '=', -1).execute();
    expect(await versions()).toEqual({ plans: String(BigInt(before.plans) + 1n), areas: afterArea.areas });
  });
});
