/** Runs every benchmark in bench/ in turn: `npm run bench`, or `npm run bench -- <name>` for one. */
import fs from 'node:fs';
import path from 'node:path';

const filter = process.argv[2];
const files = fs
  .readdirSync(import.meta.dirname)
  .filter((file) => file.endsWith('.bench.ts') && (!filter || file.includes(filter)))
  .sort();
for (const file of files) await import(path.join(import.meta.dirname, file));
