import type { LineResult } from '../core/types.js';
import { render7501 } from './entry7501.js';
import { fullLineEncoder, type FullLineContext } from './full-lines.js';
import type { LineEncoder } from './line-encoder.js';

/** `--format 7501`: each US line as a broker reports it on CBP Form 7501, the entry summary last. */
export function entry7501Encoder(ctx: FullLineContext): LineEncoder {
  const held: LineResult[] = [];
  return fullLineEncoder(ctx, (r) => held.push(r), (_totals, _rejected, _warnings, out) => out.add(render7501(held)));
}
