import fs from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's chromium (or CHROMIUM_PATH), the only browser Peelian drives: never a downloaded one. */
export function findChromium(): string | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return fs.existsSync(configured) ? configured : undefined;
  return CANDIDATES.find((candidate) => fs.existsSync(candidate));
}

/** Printing needs Chromium on the server; without it the page says so and the HTML still works. */
export class PrinterUnavailableError extends Error {
  constructor() {
    super('Chromium is not installed on this server, so PDFs cannot be printed');
  }
}

/** A response to one of the page's requests, as the app answers it in process. */
export interface PrintedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** The made-up origin the page is printed from: every request to it is answered by the app, nothing else loads. */
const PRINT_ORIGIN = 'http://peelian.print';

/**
 * Prints a page of the app to PDF in headless Chromium: the page and everything it loads (styles, images) are
 * answered by `fetch` in process, so the PDF is the very page a reader sees, printed with the print styles, a
 * page number in the footer and the document outline (bookmarks) from its headings. Any other request is
 * refused, so printing never reaches the network.
 */
export async function printPageToPdf(input: {
  path: string;
  title: string;
  fetch: (path: string) => Promise<PrintedResponse>;
}): Promise<Buffer> {
  const executablePath = findChromium();
  if (!executablePath) throw new PrinterUnavailableError();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== PRINT_ORIGIN) return route.abort();
      const response = await input.fetch(url.pathname + url.search);
      return route.fulfill({ status: response.status, headers: response.headers, body: response.body });
    });
    await page.goto(PRINT_ORIGIN + input.path, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size:9px;width:100%;text-align:center;font-family:sans-serif">${escapeHtml(input.title)}: page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
      margin: { top: '15mm', bottom: '20mm', left: '15mm', right: '15mm' },
      outline: true,
      tagged: true,
    });
  } finally {
    await browser.close();
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
