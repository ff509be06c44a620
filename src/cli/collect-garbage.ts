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

/** old generation in use after the last collection this module made or saw */
let settled = 0;

/** what the old generation holds: what survived young collections, and large objects (the young generation, up to
 * 3 x 16 MB, fills and empties every few thousand rows: counting it would make a full collection look due when only
 * young garbage grew) */
function oldInUse(): number {
  let used = 0;
  for (const s of v8.getHeapSpaceStatistics()) if (s.space_name === 'old_space' || s.space_name === 'large_object_space') used += s.space_used_size;
  return used;
}

/**
 * A full collection only when the old generation has grown by half since the last one (and passed 24 MB): V8 now and
 * then lets garbage pile up there in a long run that makes little of it; checking costs next to nothing.
 */
export function collectIfGrown(): void {
  const used = oldInUse();
  if (settled === 0 || used < settled) settled = used;
  if (used > 1.5 * settled && used > 24 * 2 ** 20) {
    collectGarbage();
    settled = oldInUse();
  }
}
