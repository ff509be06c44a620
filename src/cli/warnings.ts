/**
 * Warnings said once: the same message about many rows becomes one line naming the rows
 * ("... (rows 2, 5, 9 and 1,204 more)").
 */
export function summarizeWarnings(warnings: Iterable<string>): string[] {
  const byMessage = new Map<string, number[]>();
  for (const w of warnings) {
    const m = /^row (\d+): (.*)$/s.exec(w);
    const message = m ? m[2]! : w;
    const rows = byMessage.get(message) ?? [];
    if (m) rows.push(Number(m[1]));
    byMessage.set(message, rows);
  }
  return [...byMessage].map(([message, rows]) => {
    if (rows.length === 0) return message;
    const unique = [...new Set(rows)].sort((a, b) => a - b);
    const shown = unique.slice(0, 5).join(', ');
    return unique.length === 1 ? `row ${shown}: ${message}` : `rows ${shown}${unique.length > 5 ? ` and ${(unique.length - 5).toLocaleString('en-US')} more` : ''}: ${message}`;
  });
}
