import { parseHTML } from 'linkedom';

/**
 * Charts drawn on the server with Observable Plot into a linkedom document and sent as SVG markup, so they
 * need no script in the browser. Plot puts a <style> element in each chart; the Content-Security-Policy
 * forbids inline style, so it is removed and the rules it carried live in the stylesheet (`.peelian-chart`
 * in application.scss). Each chart is an image with one name (role="img", aria-label and <title>); the page
 * beside it always carries the same figures as a table.
 */
export const { document: chartDocument } = parseHTML('<!DOCTYPE html><html><body></body></html>');

/** Makes a drawn chart an accessible image named by `label`, without inline style, as markup. */
export function finishChart(svg: SVGSVGElement, label: string): string {
  for (const style of [...svg.querySelectorAll('style')]) style.remove();
  // Plot names its groups for assistive technology; inside an image they are not announced, and an
  // aria-label on a plain group is not allowed, so the chart's one name is on the image itself.
  for (const named of [...svg.querySelectorAll('[aria-label], [aria-description]')]) {
    named.removeAttribute('aria-label');
    named.removeAttribute('aria-description');
  }
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  const title = chartDocument.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.textContent = label;
  svg.insertBefore(title, svg.firstChild);
  return svg.outerHTML;
}
