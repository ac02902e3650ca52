/** Reading built HTML in tests: parse with hast-util-from-html, find elements, get their text. */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

export type Node = Root | RootContent;

export function parseHtml(html: string): Root {
  return fromHtml(html);
}

export function* elements(node: Node): Generator<Element> {
  if (node.type === 'element') yield node;
  if ('children' in node) for (const child of node.children) yield* elements(child);
}

export function byId(tree: Node, id: string): Element | undefined {
  for (const e of elements(tree)) if (e.properties.id === id) return e;
  return undefined;
}

export function byTag(tree: Node, tag: string): Element[] {
  return [...elements(tree)].filter((e) => e.tagName === tag);
}

export function textOf(node: Node): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map(textOf).join('');
  return '';
}

/** The text a sighted reader sees: aria-hidden parts kept, visually hidden (sr-only) parts left out. */
export function visibleText(node: Node): string {
  if (node.type === 'element' && ((node.properties.className as string[] | undefined) ?? []).includes('sr-only')) return '';
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map(visibleText).join('');
  return '';
}

/** The <tr> that holds an element. */
export function rowOf(tree: Node, target: Element): Element | undefined {
  let found: Element | undefined;
  const walk = (node: Node, row: Element | undefined) => {
    if (node === target) found = row;
    if ('children' in node) for (const c of node.children) walk(c, node.type === 'element' && node.tagName === 'tr' ? node : row);
  };
  walk(tree, undefined);
  return found;
}

/** Every URL an element points to (href, src, action), with the attribute name. */
export function links(tree: Node): { attr: string; url: string; tag: string }[] {
  const out: { attr: string; url: string; tag: string }[] = [];
  for (const e of elements(tree)) {
    for (const attr of ['href', 'src', 'action']) {
      const v = e.properties[attr];
      if (typeof v === 'string') out.push({ attr, url: v, tag: e.tagName });
    }
  }
  return out;
}
