/** Texts that repeat (a line's legal sources, an entry's date) held once, each referred to by a number: its place in `texts`. */
export class StringTable {
  private readonly index = new Map<string, number>();
  readonly texts: string[] = [];

  id(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.texts.length;
      this.texts.push(text);
      this.index.set(text, i);
    }
    return i;
  }
}
