/**
 * The recipes appended to the recipes file since the last look (whole lines only: a line being
 * appended is taken next time). Only what was appended is read: the recipes of 50,000 reports
 * are about 6 MB, and a clean build renders for minutes, looked at 20 times a second.
 */
import { statSync } from 'node:fs';
import { parseJoins, type JoinRecipe } from '../../site/data/join-recipe.ts';
import { readByteRange } from '../byte-range.ts';

export class RecipesTail {
  private readonly file: string;
  /** Bytes of the file taken. */
  private taken = 0;

  constructor(file: string) {
    this.file = file;
  }

  next(): JoinRecipe[] {
    const size = statSync(this.file, { throwIfNoEntry: false })?.size ?? 0;
    if (size <= this.taken) return [];
    const fresh = readByteRange({ file: this.file, offset: this.taken, length: size - this.taken });
    const end = fresh.lastIndexOf(0x0a) + 1;
    this.taken += end;
    return parseJoins(fresh.toString('utf8', 0, end));
  }
}
