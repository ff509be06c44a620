import type { ChalkInstance } from 'chalk';
import { fullLineEncoder, type FullLineContext } from './full-lines.js';
import type { LineEncoder } from './line-encoder.js';
import { renderLineDetail, renderView } from './table.js';
import { TableView } from './table-view.js';

/** `--format table`: with --explain each line's measures as it comes (memory does not grow with the bill), the table
 * and its totals last. */
export function tableEncoder(ctx: FullLineContext, chalk: () => ChalkInstance): LineEncoder {
  const view = new TableView();
  return fullLineEncoder(ctx, (r, out) => {
    if (ctx.explain) out.add(renderLineDetail(r, chalk()) + '\n\n');
    view.add(r);
  }, (_totals, _rejected, _warnings, out) => out.add(renderView(view, chalk(), ctx.targetMargin)));
}
