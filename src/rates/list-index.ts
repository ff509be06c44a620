import { inPeriod } from '../core/dates.js';
import type { LedgerView, ListEntry, ProductList } from '../core/types.js';

/** Lookups over product lists by code prefix (the longest listed prefix of a code first), built once per ledger. */
export function listLookups(lists: Map<string, ProductList>): Pick<LedgerView, 'listEntry' | 'listDates' | 'listHasUnder'> {
  const index = new Map<string, Map<string, ListEntry[]>>();
  const byCodeOf = (listId: string): Map<string, ListEntry[]> | undefined => {
    let byCode = index.get(listId);
    if (!byCode) {
      const list = lists.get(listId);
      if (!list) return undefined;
      byCode = new Map();
      for (const e of list.entries) {
        const same = byCode.get(e.code);
        if (same) same.push(e);
        else byCode.set(e.code, [e]);
      }
      index.set(listId, byCode);
    }
    return byCode;
  };
  // every proper prefix of a listed code, to tell quickly whether a shorter code is partly covered (built on first use)
  const prefixes = new Map<string, Set<string>>();
  const prefixesOf = (listId: string): Set<string> => {
    let set = prefixes.get(listId);
    if (!set) {
      set = new Set<string>();
      for (const e of lists.get(listId)?.entries ?? []) for (let len = 2; len < e.code.length; len++) set.add(e.code.slice(0, len));
      prefixes.set(listId, set);
    }
    return set;
  };
  // a code is looked up on every list in turn (the measures of a line, the windows of a code): its prefixes, longest
  // first, are cut once for the lot
  let lastCode = '';
  let lastPrefixes: string[] = [];
  const prefixesOfCode = (code: string): string[] => {
    if (code !== lastCode) {
      lastPrefixes = [];
      for (let len = code.length; len >= 2; len--) lastPrefixes.push(code.slice(0, len));
      lastCode = code;
    }
    return lastPrefixes;
  };
  const pushDates = (out: string[], e: ListEntry) => {
    if (e.from !== undefined) out.push(e.from);
    if (e.to !== undefined) out.push(e.to);
  };
  return {
    listEntry(listId, code, date) {
      const byCode = byCodeOf(listId);
      if (!byCode) return undefined;
      for (const prefix of prefixesOfCode(code)) {
        const entries = byCode.get(prefix);
        if (entries) for (const e of entries) if (inPeriod(date, e.from, e.to)) return e;
      }
      return undefined;
    },
    listDates(listId, code) {
      const byCode = byCodeOf(listId);
      if (!byCode) return [];
      const out: string[] = [];
      for (const prefix of prefixesOfCode(code)) for (const e of byCode.get(prefix) ?? []) pushDates(out, e);
      // entries under a shorter code decide whether it is partly covered (listHasUnder)
      if (code.length < 10 && prefixesOf(listId).has(code)) {
        for (const e of lists.get(listId)?.entries ?? []) if (e.code.length > code.length && e.code.startsWith(code)) pushDates(out, e);
      }
      return out;
    },
    listHasUnder(listId, code, date) {
      if (code.length >= 10 || !prefixesOf(listId).has(code)) return false;
      return (lists.get(listId)?.entries ?? []).some((e) => e.code.length > code.length && e.code.startsWith(code) && inPeriod(date, e.from, e.to));
    },
  };
}
