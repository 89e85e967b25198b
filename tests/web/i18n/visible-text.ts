/**
 * The text a reader sees or hears on a page, for checking its language: the title, text, and the
 * attributes people read (aria-label, placeholder, title, alt). Script, style, code and anything
 * marked `translate="no"` (data: dataset names, file contents, values as typed) are left out. A
 * small tag walker is enough for the app's own well-formed markup.
 */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const SKIP = new Set(['script', 'style', 'code', 'pre']);
const READ_ATTRIBUTES = /\b(?:aria-label|placeholder|title|alt)="([^"]*)"/g;

export function visibleText(html: string): string {
  const out: string[] = [];
  const stack: boolean[] = []; // per open element: is it (or an ancestor) skipped?
  const re = /<!--[\s\S]*?-->|<!doctype[^>]*>|<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|([^<]+)/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const [whole, tag, attrs, text] = m;
    const skipping = stack.length > 0 && stack[stack.length - 1] === true;
    if (text !== undefined) {
      if (!skipping) out.push(text);
      continue;
    }
    if (!tag) continue;
    const name = tag.toLowerCase();
    if (whole.startsWith('</')) {
      stack.pop();
      continue;
    }
    if (!skipping && !/\btranslate="no"/.test(attrs ?? '')) for (const a of (attrs ?? '').matchAll(READ_ATTRIBUTES)) out.push(a[1] as string);
    if (VOID.has(name) || whole.endsWith('/>')) continue;
    stack.push(skipping || SKIP.has(name) || /\btranslate="no"/.test(attrs ?? ''));
  }
  return out
    .join(' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Runs of three or more English words: what a Korean page should not show outside data. */
export function englishRuns(text: string): string[] {
  return text.match(/\b[A-Za-z]{2,}(?:[ '’-]+[A-Za-z]{2,}){2,}\b/g) ?? [];
}
