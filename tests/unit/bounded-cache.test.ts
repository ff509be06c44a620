import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/core/bounded-cache.js';

describe('BoundedCache', () => {
  it('starts afresh when a new key would pass its limit; a known key is set again without', () => {
    const c = new BoundedCache<string, number>(3);
    c.set('a', 1).set('b', 2).set('c', 3);
    c.set('b', 20); // known: kept with the others
    expect([...c]).toEqual([['a', 1], ['b', 20], ['c', 3]]);
    c.set('d', 4); // the fourth key: the cache is emptied first
    expect([...c]).toEqual([['d', 4]]);
  });
});
