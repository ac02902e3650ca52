/**
 * The sources of a merge ordered by the word each is at, least first (a binary heap): the merge
 * takes the least word of every source for each word it writes, and scanning every source for it
 * grew with their number (24 shards at 10,000 reports with shards of 500 reports, 84 with 125).
 */
import { compareWords } from './pagefind-format.ts';

export class WordHeap<T extends { word: string }> {
  private readonly items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  /** The item at the least word, or undefined when there is none; ties come in no set order. */
  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const a = this.items;
    let i = a.push(item) - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (compareWords(a[up]!.word, item.word) <= 0) break;
      a[i] = a[up]!;
      i = up;
    }
    a[i] = item;
  }

  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (!a.length || last === undefined) return top;
    let i = 0;
    for (;;) {
      let least = 2 * i + 1;
      if (least >= a.length) break;
      if (least + 1 < a.length && compareWords(a[least + 1]!.word, a[least]!.word) < 0) least++;
      if (compareWords(last.word, a[least]!.word) <= 0) break;
      a[i] = a[least]!;
      i = least;
    }
    a[i] = last;
    return top;
  }
}
