import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../../..');
export const PUBLIC_DIR = path.join(PROJECT_ROOT, 'public');
export const MANIFEST_FILE = 'manifest.json';
/** The digest of the inputs the build in public/ was made from: a start compares it to skip rebuilding. */
export const INPUTS_FILE = 'inputs.sha256';

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
export async function buildAssets(outDir: string = PUBLIC_DIR): Promise<AssetManifest> {
  // Loaded only to build: the Sass compiler takes over half a second to import, which a start need not pay.
  const sass = await import('sass');
  const inputs = digestAssetInputs();
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
  fs.writeFileSync(path.join(staging, INPUTS_FILE), `${inputs}\n`);

  swapIn(staging, outDir);
  return manifest;
}

/**
 * Builds the assets unless outDir already holds a whole build of the same inputs. A build takes several
 * seconds (mostly Sass), so a start that pays for it only when something changed starts that much sooner.
 */
export async function ensureAssets(
  outDir: string = PUBLIC_DIR,
): Promise<{ built: boolean; manifest: AssetManifest }> {
  const manifest = builtFrom(outDir, digestAssetInputs());
  if (manifest) return { built: false, manifest };
  return { built: true, manifest: await buildAssets(outDir) };
}

/** The manifest of the build in outDir if it was made from these inputs and none of its files is missing. */
function builtFrom(outDir: string, inputs: string): AssetManifest | undefined {
  try {
    if (fs.readFileSync(path.join(outDir, INPUTS_FILE), 'utf8').trim() !== inputs) return undefined;
    const manifest = readAssetManifest(outDir);
    return Object.values(manifest).every((file) => fs.existsSync(path.join(outDir, file)))
      ? manifest
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Everything a build's output depends on that can change in a clone: our sources, this build script, and the
 * versions of the packages it compiles against or copies from (their files change only with their version).
 */
export function assetInputFiles(): string[] {
  return [
    ...fs
      .readdirSync(SOURCE_DIR)
      .sort()
      .map((name) => path.join(SOURCE_DIR, name)),
    import.meta.filename,
    ...['govuk-frontend', '@ministryofjustice/frontend', 'sass'].map((name) =>
      path.join(PROJECT_ROOT, 'node_modules', name, 'package.json'),
    ),
  ];
}

/** One digest of the files' names and contents, so that any edit, addition or removal changes it. */
export function digestAssetInputs(files: string[] = assetInputFiles()): string {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${path.relative(PROJECT_ROOT, file)}\0`);
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
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
