import QRCode from 'qrcode';

const TITLE_ID = 'totp-qr-title';

/**
 * The authenticator set-up address as a QR code: an SVG drawn with attributes only (the page's policy allows
 * no inline style), named for screen readers. The key is always shown as text too, for anyone who cannot scan.
 */
export async function authenticatorQrSvg(otpauthUri: string): Promise<string> {
  const svg = await QRCode.toString(otpauthUri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return svg
    .replace(/^<svg /, `<svg class="peelian-qr" role="img" aria-labelledby="${TITLE_ID}" focusable="false" `)
    .replace(/>/, `><title id="${TITLE_ID}">QR code to scan with your authenticator app</title>`);
}
