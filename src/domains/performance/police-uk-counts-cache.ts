/**
 * The counts API's answers, kept in memory per key for as long as the unit they were counted from stays the one
 * loaded. Each load of a unit records a new import file, so the unit's `import_file_id`, read with every request
 * (one indexed row), is the version: a re-import by any process, the command line included, is seen at once.
 *
 * Why: on PGlite every query runs one at a time, and summing a month's roll-up (about 8,000 rows for Thames
 * Valley) took 100–200 ms there, so 50 callers queued for seconds and timed out. Callers asking for the same key
 * while it is being read share that one read. Answers are shared: callers must not change them.
 */
export function createCountsCache<T>(maxEntries = 500) {
  const entries = new Map<string, { version: number; value: Promise<T> }>();

  return {
    get(key: string, version: number, load: () => Promise<T>): Promise<T> {
      const kept = entries.get(key);
      if (kept && kept.version === version) return kept.value;
      const value = load();
      entries.delete(key);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(key, { version, value });
      // A failed read is not kept: the next caller tries again.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
  };
}
