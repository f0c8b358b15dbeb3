import { describe, expect, it } from 'vitest';
import { createCountsCache } from './police-uk-counts-cache.ts';

describe('the counts cache', () => {
  it('reads a key once while its version stands, sharing one read among callers who ask at the same time', async () => {
    const cache = createCountsCache<number>();
    let reads = 0;
    const load = async () => {
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return reads;
    };
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => cache.get('tv/2024-01/lsoa', 7, load)),
    );
    expect(new Set(answers)).toEqual(new Set([1]));
    expect(await cache.get('tv/2024-01/lsoa', 7, load)).toBe(1);
    expect(reads).toBe(1);
    // The unit was loaded again (a new file): read afresh.
    expect(await cache.get('tv/2024-01/lsoa', 8, load)).toBe(2);
    expect(reads).toBe(2);
  });

  it('keeps no failed read, and forgets the oldest keys beyond its size', async () => {
    const cache = createCountsCache<string>(2);
    await expect(cache.get('a', 1, async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('a', 1, async () => 'a1')).toBe('a1');
    await cache.get('b', 1, async () => 'b1');
    await cache.get('c', 1, async () => 'c1');
    expect(await cache.get('a', 1, async () => 'a again')).toBe('a again');
  });
});
