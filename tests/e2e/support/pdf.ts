/** Reading Chromium's PDFs in the browser tests. */

/** Pages of a PDF: its page objects (`/Type /Page`, not the `/Type /Pages` tree). */
export function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}
