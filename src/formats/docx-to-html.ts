/**
 * A Word .docx -> HTML with its paragraphs and tables (merged cells as rowspan/colspan), by mammoth.
 * Pure JS: mammoth reads the zip with JSZip, and its browser build swaps out the Node file access,
 * so the validator page converts dropped files with this same module.
 */
import mammoth from 'mammoth';

export class DocxError extends Error {}

export interface DocxHtml {
  html: string;
  /** mammoth's messages (unknown styles and the like): informational, not problems of the report. */
  messages: string[];
}

/** Images carry no report text: keep them out instead of inlining them as data URIs. */
const noImages = mammoth.images.imgElement(async () => ({ src: '' }));

export async function docxToHtml(bytes: Uint8Array): Promise<DocxHtml> {
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // mammoth's Node entry reads `buffer`, its browser build `arrayBuffer`: give both.
  const input = { arrayBuffer, buffer: bytes } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  try {
    const result = await mammoth.convertToHtml(input, { externalFileAccess: false, convertImage: noImages });
    return { html: result.value, messages: result.messages.map((m) => m.message) };
  } catch (err) {
    const reason = (err as Error).message ?? String(err);
    throw new DocxError(`不是可读取的 Word（.docx）文件：${reason.split('\n')[0]}`);
  }
}
