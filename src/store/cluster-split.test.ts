import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { componentsOf } from './cluster-split.js';

describe('componentsOf', () => {
  const all = (ids: number[]) => new Set(ids);

  it('names each connected component by its earliest version, whatever the order of the links', () => {
    const links: [number, number][] = [
      [9, 4],
      [4, 7],
      [12, 10],
    ];
    for (const order of [links, [...links].reverse()]) {
      assert.deepEqual(Object.fromEntries(componentsOf([4, 7, 9, 10, 12, 15], all([4, 7, 9, 10, 12, 15]), order)), { 4: 4, 7: 4, 9: 4, 10: 10, 12: 10, 15: 15 });
    }
  });

  it('lets no hidden version hold two parts together, and puts it with the earliest part it links to', () => {
    const links: [number, number][] = [
      [5, 2],
      [5, 3],
      [6, 5],
    ];
    assert.deepEqual(Object.fromEntries(componentsOf([2, 3, 5, 6], all([2, 3, 6]), links)), { 2: 2, 3: 3, 5: 2, 6: 6 });
    assert.deepEqual(Object.fromEntries(componentsOf([2, 3, 5, 6], all([2, 3, 5, 6]), links)), { 2: 2, 3: 2, 5: 2, 6: 2 });
  });

  it('leaves a hidden version that links to no shown one on its own, and ignores links leaving the members', () => {
    assert.deepEqual(Object.fromEntries(componentsOf([1, 8], all([8]), [[1, 99], [8, 98]])), { 1: 1, 8: 8 });
  });
});
