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
