import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines } from '../testing/test-database.ts';
import { type MigrationFile, migrate, migrationStatus, readMigrations } from './migrator.ts';

function migrationDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peelian-migrations-'));
  for (const [name, sql] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), sql);
  return dir;
}

const TWO_STEPS = {
  '0001_demo_widget.sql':
    'CREATE TABLE widget (id integer PRIMARY KEY);\nCREATE INDEX widget_id_idx ON widget (id);',
  '0002_demo_widget_name.sql': 'ALTER TABLE widget ADD COLUMN name text;',
};

describe('readMigrations', () => {
  it('reads files in order with a SHA-256 checksum', () => {
    const files = readMigrations(migrationDir(TWO_STEPS));
    expect(files.map((file) => file.name)).toEqual(['0001_demo_widget.sql', '0002_demo_widget_name.sql']);
    expect(files[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a badly named file and a repeated number', () => {
    expect(() => readMigrations(migrationDir({ 'widget.sql': 'SELECT 1;' }))).toThrow(/must be named NNNN_/);
    expect(() =>
      readMigrations(migrationDir({ '0001_a_b.sql': 'SELECT 1;', '0001_a_c.sql': 'SELECT 1;' })),
    ).toThrow(/share the number 0001/);
  });

  it('reads the project migrations', () => {
    expect(readMigrations().length).toBeGreaterThan(0);
  });
});

describe.each(testEngines())('migrate on %s', (engine) => {
  it('applies pending migrations once, in order, each recorded with its checksum', async () => {
    const database = await createTestDatabase(engine, 'empty');
    try {
      const files = readMigrations(migrationDir(TWO_STEPS));
      expect(await migrate(database.sql, files)).toEqual([
        '0001_demo_widget.sql',
        '0002_demo_widget_name.sql',
      ]);
      expect(await migrate(database.sql, files)).toEqual([]);
      await database.sql.query("INSERT INTO widget (id, name) VALUES (1, 'one')");
      const recorded = await database.sql.query<{ name: string; checksum: string }>(
        'SELECT name, checksum FROM schema_migration ORDER BY name',
      );
      expect(recorded).toEqual(files.map((file) => ({ name: file.name, checksum: file.checksum })));
      const status = await migrationStatus(database.sql, [
        ...files,
        fakeFile('0003_demo_more.sql', 'SELECT 1;'),
      ]);
      expect(status.map((row) => row.state)).toEqual(['applied', 'applied', 'pending']);
    } finally {
      await database.close();
    }
  });

  it('refuses to run when an applied migration was edited or removed', async () => {
    const database = await createTestDatabase(engine, 'empty');
    try {
      const files = readMigrations(migrationDir(TWO_STEPS));
      await migrate(database.sql, files);
      const edited = files.map((file, index) =>
        index === 0 ? fakeFile(file.name, `${file.sql}\n-- tidied`) : file,
      );
      await expect(migrate(database.sql, edited)).rejects.toThrow(
        /0001_demo_widget.sql was edited after it was applied/,
      );
      await expect(migrate(database.sql, files.slice(1))).rejects.toThrow(
        /0001_demo_widget.sql was applied .* file is missing/,
      );
    } finally {
      await database.close();
    }
  });

  it('rolls a failing migration back whole and names it', async () => {
    const database = await createTestDatabase(engine, 'empty');
    try {
      const files = [
        fakeFile('0001_demo_ok.sql', 'CREATE TABLE ok_table (id integer);'),
        fakeFile(
          '0002_demo_broken.sql',
          'CREATE TABLE half_made (id integer);\nSELECT no_such_column FROM ok_table;',
        ),
      ];
      await expect(migrate(database.sql, files)).rejects.toThrow(/Migration 0002_demo_broken.sql failed/);
      const tables = await database.sql.query<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_name IN ('ok_table', 'half_made')",
      );
      expect(tables.map((table) => table.name)).toEqual(['ok_table']);
      const recorded = await database.sql.query<{ name: string }>('SELECT name FROM schema_migration');
      expect(recorded.map((row) => row.name)).toEqual(['0001_demo_ok.sql']);
    } finally {
      await database.close();
    }
  });

  it('applies each migration once when two processes migrate at the same time', async () => {
    const database = await createTestDatabase(engine, 'empty');
    try {
      const files = readMigrations();
      const [first, second] = await Promise.all([migrate(database.sql, files), migrate(database.sql, files)]);
      expect([...(first ?? []), ...(second ?? [])].sort()).toEqual(files.map((file) => file.name));
    } finally {
      await database.close();
    }
  });
});

function fakeFile(name: string, sql: string): MigrationFile {
  return { name, sql, checksum: `${sql.length}-${name}`.padEnd(64, '0') };
}
