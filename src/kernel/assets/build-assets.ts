import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as sass from 'sass';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../../..');
export const PUBLIC_DIR = path.join(PROJECT_ROOT, 'public');
export const MANIFEST_FILE = 'manifest.json';

const SOURCE_DIR = path.join(import.meta.dirname, 'source');
const GOVUK_DIST = path.join(PROJECT_ROOT, 'node_modules/govuk-frontend/dist/govuk');
const MOJ_DIST = path.join(PROJECT_ROOT, 'node_modules/@ministryofjustice/frontend/moj');

/** Logical asset name → fingerprinted file name under /assets/. */
export type AssetManifest = Record<string, string>;

/**
 * Builds the static assets into public/: our Sass over GOV.UK Frontend and MOJ Frontend, the GOV.UK Frontend
 * script and our entry module, each named by a hash of its content so it can be cached for a year.
 * Images referenced from the CSS keep their plain names.
 */
export function buildAssets(outDir: string = PUBLIC_DIR): AssetManifest {
  const staging = `${outDir}.building-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(path.join(staging, 'images'), { recursive: true });
  const manifest: AssetManifest = {};
  const emit = (logicalName: string, content: string | Buffer) => {
    const fingerprinted = fingerprint(logicalName, content);
    fs.writeFileSync(path.join(staging, fingerprinted), content);
    manifest[logicalName] = fingerprinted;
    return fingerprinted;
  };

  const css = sass.compile(path.join(SOURCE_DIR, 'application.scss'), {
    style: 'compressed',
    loadPaths: [PROJECT_ROOT],
    // GOV.UK Frontend and MOJ Frontend print deprecation notices about their own Sass; errors still throw.
    logger: sass.Logger.silent,
  }).css;
  emit('application.css', css);

  const govukScript = emit(
    'govuk-frontend.js',
    fs.readFileSync(path.join(GOVUK_DIST, 'govuk-frontend.min.js')),
  );
  emit(
    'application.js',
    [
      `import { initAll } from './${govukScript}';`,
      // Module scripts run only in browsers GOV.UK Frontend supports, so this stands in for its inline snippet.
      `document.body.classList.add('js-enabled', 'govuk-frontend-supported');`,
      'initAll();',
      '',
    ].join('\n'),
  );
  emit('favicon.svg', fs.readFileSync(path.join(SOURCE_DIR, 'favicon.svg')));
  // Page scripts, each loaded only by the pages that need it.
  emit('import-upload.js', fs.readFileSync(path.join(SOURCE_DIR, 'import-upload.js')));

  for (const imagesDir of [path.join(GOVUK_DIST, 'assets/images'), path.join(MOJ_DIST, 'assets/images')]) {
    fs.cpSync(imagesDir, path.join(staging, 'images'), { recursive: true });
  }
  fs.writeFileSync(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);

  swapIn(staging, outDir);
  return manifest;
}

/** Replaces outDir with the finished build whole, so a running server never sees half of one. */
function swapIn(staging: string, outDir: string): void {
  for (let attempt = 0; ; attempt++) {
    fs.rmSync(outDir, { recursive: true, force: true });
    try {
      fs.renameSync(staging, outDir);
      return;
    } catch (error) {
      // Another build (a parallel test run) swapped its own in between our two steps: try again.
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 3 || (code !== 'ENOTEMPTY' && code !== 'EEXIST')) throw error;
    }
  }
}

export class AssetsNotBuiltError extends Error {
  override name = 'AssetsNotBuiltError';
}

export function readAssetManifest(dir: string = PUBLIC_DIR): AssetManifest {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as AssetManifest;
  } catch {
    throw new AssetsNotBuiltError(`Static assets are not built in ${dir}. Run: npx peelian assets build`);
  }
}

function fingerprint(logicalName: string, content: string | Buffer): string {
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 12);
  const ext = path.extname(logicalName);
  return `${path.basename(logicalName, ext)}-${hash}${ext}`;
}

/** True for names this build fingerprinted, which never change and may be cached for good. */
export function isFingerprinted(fileName: string): boolean {
  return /-[0-9a-f]{12}\.[a-z0-9]+$/.test(fileName);
}
