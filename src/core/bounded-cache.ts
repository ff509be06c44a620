/**
 * A Map used as a cache whose memory stays bounded on a bill of any length: once it holds `limit` entries, the next
 * one added starts it afresh (bills repeat a few kinds of line, so a full cache is rare and refilling it is cheap).
 */
export class BoundedCache<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (this.size >= this.limit && !this.has(key)) this.clear();
    return super.set(key, value);
  }
}
