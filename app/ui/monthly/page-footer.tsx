/**
 * The printed pages' footer, "… · Halaman 1 dari 2", in the page margin (CSS @page margin boxes,
 * Chromium 131+), so it counts the pages the printer really makes. The text is the page's language.
 */

/** A CSS string literal: quotes, backslashes and line breaks escaped; `<` too, so no text can close the style element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/** `text` holds `{page}` and `{pages}` where the page's number and the count go. */
export function PageFooter({ text }: { text: string }) {
  const content = text
    .split(/(\{pages?\})/)
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
  const css = `@page { @bottom-right { content: ${content}; font: 12px system-ui, sans-serif; color: #5b6b75; } }`;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: generated CSS from the app's own messages, every text quoted by cssString
  return <style dangerouslySetInnerHTML={{ __html: css }} />;
}
