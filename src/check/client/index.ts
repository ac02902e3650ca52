/**
 * The validator page's script: a file chosen, dropped or pasted is parsed here, in the browser,
 * and the result is written into the page (../result-html.ts). Nothing is sent anywhere. The
 * status line is a live region, so the outcome is announced; no dialogs, everything by keyboard.
 */
import type { CheckPageData } from '../page-data.ts';
import { reportJson, resultHtml, summaryLine } from '../result-html.ts';
import { rememberPinyin } from './lazy-pinyin.ts';
import { PASTED_NAME, readDropped, type Outcome } from './read-dropped.ts';

export interface CheckElements {
  input: HTMLInputElement;
  dropZone: HTMLElement;
  pasteForm: HTMLFormElement;
  pasteText: HTMLTextAreaElement;
  status: HTMLElement;
  result: HTMLElement;
  data: CheckPageData;
}

export function mountCheck(el: CheckElements): void {
  const registry = el.data.registry ?? undefined;
  rememberPinyin(el.data.pinyin);
  let current: { name: string; json: string; id: string } | null = null;
  let run = 0;

  const say = (text: string, kind: 'busy' | 'ok' | 'fail' | 'problem') => {
    el.status.textContent = text;
    el.status.className = `check-status check-status-${kind}`;
  };

  async function check(name: string, bytes: Uint8Array) {
    const mine = ++run;
    el.result.setAttribute('aria-busy', 'true');
    say(`正在读取“${name}”……`, 'busy');
    let outcome: Outcome;
    try {
      outcome = await readDropped(name, bytes, registry);
    } catch (err) {
      outcome = { ok: false, problem: `读取文件“${name}”时出错：${(err as Error).message}` };
    }
    if (mine !== run) return; // a newer file was given meanwhile
    el.result.removeAttribute('aria-busy');
    if (!outcome.ok) {
      current = null;
      el.result.innerHTML = '';
      say(outcome.problem, 'problem');
      return;
    }
    const r = outcome.report;
    current = { name, json: reportJson(r), id: r.id };
    el.result.innerHTML = resultHtml(r, name);
    say(`“${name}”：${summaryLine(r)}。`, r.checks.some((c) => !c.ok) || r.diagnostics.some((d) => d.level === 'error') ? 'fail' : 'ok');
  }

  async function checkFile(file: File) {
    await check(file.name, new Uint8Array(await file.arrayBuffer()));
  }

  el.input.addEventListener('change', () => {
    const file = el.input.files?.[0];
    // Cleared, so that choosing the same file again (after editing it) is read again.
    el.input.value = '';
    if (file) void checkFile(file);
  });

  // A file dropped anywhere on the page is read (the drop zone only shows where): a browser left
  // to itself would open the file instead, and the page would be gone.
  const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
  document.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    el.dropZone.classList.add('drop-active');
  });
  document.addEventListener('dragleave', (e) => {
    if (e.relatedTarget === null) el.dropZone.classList.remove('drop-active');
  });
  document.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    el.dropZone.classList.remove('drop-active');
    const file = e.dataTransfer?.files?.[0];
    if (file) void checkFile(file);
  });

  el.pasteForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = el.pasteText.value;
    if (!text.trim()) {
      say('请先粘贴报告全文。', 'problem');
      el.pasteText.focus();
      return;
    }
    void check(PASTED_NAME, new TextEncoder().encode(text));
  });

  el.result.addEventListener('click', (e) => {
    const action = (e.target as HTMLElement).closest('button')?.dataset.action;
    if (!current || !action) return;
    if (action === 'copy-json') void copy(current.json);
    if (action === 'download-json') download(current.json, `${current.id}.json`);
  });

  async function copy(json: string) {
    try {
      await navigator.clipboard.writeText(json);
      say('JSON 已复制到剪贴板。', 'ok');
    } catch {
      // No clipboard permission (e.g. a page opened from disk): select the text for Ctrl+C instead.
      const pre = document.getElementById('report-json');
      const details = document.getElementById('report-json-section') as HTMLDetailsElement | null;
      if (details) details.open = true;
      if (pre) {
        const range = document.createRange();
        range.selectNodeContents(pre);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        pre.focus();
      }
      say('浏览器不允许直接复制：JSON 已选中，请按 Ctrl+C 复制。', 'problem');
    }
  }

  function download(json: string, fileName: string) {
    const url = URL.createObjectURL(new Blob([`${json}\n`], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    say(`已下载 ${fileName}。`, 'ok');
  }
}
