/** Control codes (C0, DEL, C1), line and paragraph separators, and bidirectional overrides: what could move the
 * cursor, recolour or rewrite a terminal, or reorder what it shows. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text the user typed, safe to show on a terminal: each control code written as its \uXXXX escape. */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A message of several lines, each made printable (its own line breaks kept). */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}

/** Text quoted in a message: at most `max` characters (then …), in double quotes, control codes escaped. */
export function quoted(text: string, max = 40): string {
  const head = text.length > max ? `${text.slice(0, max)}…` : text;
  return `"${printable(head.replace(/\\/g, '\\\\').replace(/"/g, '\\"'))}"`;
}
