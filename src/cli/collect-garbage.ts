import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * A long streamed run makes garbage faster than V8 returns it: a full collection every so many rows keeps the
 * peak memory close to what is live (the bill is never held). Uses V8's own gc(), exposed for this process.
 */
let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
}

/** heap in use after the last collection this module made or saw */
let settled = 0;

/**
 * A full collection only when the heap in use has grown by half since the last one (and passed 40 MB): V8 now and then
 * lets garbage pile up in the old generation of a long run that makes little of it; checking costs next to nothing.
 */
export function collectIfGrown(): void {
  const used = v8.getHeapStatistics().used_heap_size;
  if (settled === 0 || used < settled) settled = used;
  if (used > 1.5 * settled && used > 40 * 2 ** 20) {
    collectGarbage();
    settled = v8.getHeapStatistics().used_heap_size;
  }
}
