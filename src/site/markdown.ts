/**
 * Chapter text (Markdown from the parser) to HTML with unified: remark-parse, remark-rehype,
 * rehype-stringify. Report text always shows as text: raw HTML in the Markdown becomes a text
 * node (a report that says <script> shows "<script>"), images become their alt text, and only
 * http(s) and mailto links stay links.
 *
 * Most chapter text is plain paragraphs and sub-headings with nothing Markdown could read as
 * markup; those blocks are written directly (unified costs ~3.5 ms a report, a tenth of a page's
 * render time). Everything else still goes through unified, so the HTML is the same either way.
 */
import type { Root as MdRoot, RootContent } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

const SAFE_LINK = /^(?:https?:|mailto:)/i;
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem']);

/** remark plugin: everything that could run, load or hide something becomes plain text. */
function remarkTextOnly() {
  return (tree: MdRoot) => {
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return;
      const replace = (value: string): [typeof SKIP, number] => {
        // In a block container the text needs a paragraph around it, as a paragraph would have.
        const text = { type: 'text', value } as const;
        const node = BLOCK_PARENTS.has(parent.type) ? { type: 'paragraph', children: [text] } : text;
        parent.children.splice(index, 1, node as RootContent as never);
        return [SKIP, index];
      };
      if (node.type === 'html') return replace(node.value);
      if (node.type === 'image') return replace(node.alt ?? '');
      if (node.type === 'imageReference') return replace(node.alt ?? '');
      if (node.type === 'link' && !SAFE_LINK.test(node.url)) {
        const text = node.children.map((c) => ('value' in c ? c.value : '')).join('');
        return replace(text || node.url);
      }
      return undefined;
    });
  };
}

/** Shifts headings so a chapter's own sub-headings sit under its h2 (### stays h3, # becomes h3). */
function remarkHeadingFloor(floor: number) {
  return (tree: MdRoot) => {
    visit(tree, 'heading', (node) => {
      node.depth = Math.min(6, Math.max(floor, node.depth)) as typeof node.depth;
    });
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkTextOnly)
  .use(remarkHeadingFloor, 3)
  .use(remarkRehype)
  .use(rehypeStringify)
  .freeze();

/** The whole text through unified (exported so tests can hold the direct path against it). */
export function unifiedHtml(markdown: string): string {
  return String(processor.processSync(markdown));
}

/**
 * A block that can only be a paragraph or an ATX heading of plain text: no ASCII punctuation
 * with a meaning in Markdown, no line break, no whitespace at either end (Markdown trims it).
 */
const MARKUP = /[\\`*_[\]<>&\n\r\0]|^(?:[-+=#>|~!$\s]|\d+[.)])|[\s#]$/;
const HEADING = /^(#{1,6}) (.*)$/;

/** The block's HTML when it is plain, else null. */
function plainBlock(block: string): string | null {
  const heading = HEADING.exec(block);
  const text = heading ? heading[2]! : block;
  if (text === '' || MARKUP.test(text)) return null;
  if (!heading) return `<p>${text}</p>`;
  const depth = Math.max(3, heading[1]!.length);
  return `<h${depth}>${text}</h${depth}>`;
}

/**
 * Constructs that reach across blank lines (fenced code, HTML blocks, link reference
 * definitions): with any of these characters the text is converted as a whole.
 */
const SPANS_BLOCKS = /[`~<[]/;

/** HTML of a chapter's Markdown; "" for empty text. */
export function markdownToHtml(markdown: string): string {
  if (markdown.trim() === '') return '';
  if (SPANS_BLOCKS.test(markdown)) return unifiedHtml(markdown);
  const blocks = markdown.split(/\n[ \t]*\n/);
  const out: string[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (pending.length) out.push(unifiedHtml(pending.join('\n\n')));
    pending = [];
  };
  for (const block of blocks) {
    if (block === '') continue;
    const html = plainBlock(block);
    if (html === null) pending.push(block);
    else {
      flush();
      out.push(html);
    }
  }
  flush();
  return out.filter((h) => h !== '').join('\n');
}
