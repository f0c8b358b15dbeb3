/**
 * What the scorecard has read, kept while the scorecard's inputs version (its own counter with the change
 * signals plans and areas publish: migrations 0011 and 0017, decision record 0004) stays the same: a request
 * then costs one small read instead of five. A new version empties the cache. Entries are shared between
 * requests, so callers must not change what they are given.
 */
export function createScorecardCache<T>(maxEntries = 200) {
  let currentVersion: string | null = null;
  const entries = new Map<string, T>();

  return {
    async get(version: string, key: string, load: () => Promise<T>): Promise<T> {
      if (version !== currentVersion) {
        entries.clear();
        currentVersion = version;
      }
      const kept = entries.get(key);
      if (kept !== undefined) return kept;
      const loaded = await load();
      // A newer version may have been seen while loading; keep the value only under the version it was read at.
      if (version === currentVersion) {
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
        entries.set(key, loaded);
      }
      return loaded;
    },
  };
}
