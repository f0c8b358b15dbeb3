export { findChromium } from '../pdf/chromium-pdf.ts';
