import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Who owns each table and published view, read from the `*.tables.ts` interfaces (one named `…Tables` lists a
 * domain's tables; one named `…Published` lists the views it offers everyone), and which relations a queries
 * file names. Used by the read-rule tests (decision record 0004).
 */

export const SRC = join(import.meta.dirname, '..', '..');

export function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(suffix))
    .map((name) => join(dir, name));
}

/** `src/domains/plans/…` belongs to plans; everything under `src/kernel/` to the kernel. */
export function ownerOf(file: string): string {
  const [top, name] = relative(SRC, file).split(sep);
  return top === 'domains' ? (name as string) : 'kernel';
}

/**
 * The relations each interface named `…Tables` or `…Published` in a file lists: those it picks from the
 * generated `Database` (`Pick<Database, 'a' | 'b'>`), the views it reads as `View<'name'>`, and the keys of
 * a hand-written body.
 */
function interfaceRelations(source: string, kind: 'Tables' | 'Published'): string[] {
  const names: string[] = [];
  const declarations = source.matchAll(
    new RegExp(`export interface \\w+${kind}\\b([\\s\\S]*?)(?:\\n\\}|> \\{\\})`, 'g'),
  );
  for (const [, declaration = ''] of declarations) {
    const picked = /Pick<\s*Database,([^>]*)>/.exec(declaration)?.[1] ?? '';
    for (const name of picked.matchAll(/'([a-z][A-Za-z0-9]*)'/g)) names.push(name[1] as string);
    for (const name of declaration.matchAll(/View<'([a-z][A-Za-z0-9]*)'/g)) names.push(name[1] as string);
    for (const key of declaration.matchAll(/^ {2}([a-z][A-Za-z0-9]*)\s*:/gm)) names.push(key[1] as string);
  }
  return names.map(snakeCase);
}

export interface Relation {
  owner: string;
  published: boolean;
}

export function readRelations(): Map<string, Relation> {
  const relations = new Map<string, Relation>();
  for (const file of filesUnder(SRC, '.tables.ts')) {
    const source = readFileSync(file, 'utf8');
    const owner = ownerOf(file);
    for (const table of interfaceRelations(source, 'Tables'))
      relations.set(table, { owner, published: false });
    for (const view of interfaceRelations(source, 'Published'))
      relations.set(view, { owner, published: true });
  }
  return relations;
}

/** Relations are named as in SQL; queries name them in camelCase (`camel-case.ts` maps them back). */
function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

const BUILDER_CALLS =
  /\b(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|mergeInto|table)\(\s*['"`]([a-z][A-Za-z0-9_]*)/g;
const RAW_SQL = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+([a-z][a-z0-9_]*)/g;

/** Every relation name a source text uses: in the query builder, in `sql.table(…)` and in raw SQL. */
export function namedRelations(source: string): Set<string> {
  const names = new Set<string>();
  for (const pattern of [BUILDER_CALLS, RAW_SQL])
    for (const match of source.matchAll(pattern)) names.add(snakeCase(match[1] as string));
  return names;
}
