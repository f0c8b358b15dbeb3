import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  assetInputFiles,
  digestAssetInputs,
  ensureAssets,
  INPUTS_FILE,
  MANIFEST_FILE,
  PUBLIC_DIR,
} from './build-assets.ts';

describe('building the static assets only when their inputs changed', () => {
  it('counts every source file, the build script and the packages it compiles against among the inputs', () => {
    const inputs = assetInputFiles().map((file) => path.basename(file));
    expect(inputs).toEqual(
      expect.arrayContaining(['application.scss', 'import-upload.js', 'build-assets.ts', 'package.json']),
    );
  });

  it('gives a different digest when an input changes, and the same one when nothing does', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peelian-assets-'));
    const files = ['a.scss', 'b.js'].map((name) => path.join(dir, name));
    for (const file of files) fs.writeFileSync(file, `/* ${path.basename(file)} */`);
    const before = digestAssetInputs(files);
    expect(digestAssetInputs(files)).toBe(before);
    fs.appendFileSync(files[1] as string, '\n');
    expect(digestAssetInputs(files)).not.toBe(before);
  });

  it('keeps a build made from the same inputs, and rebuilds one made from others', async () => {
    // The test setup built public/ from today's inputs; a copy of it stands for an earlier start's build.
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'peelian-assets-')), 'public');
    fs.cpSync(PUBLIC_DIR, out, { recursive: true });
    const manifestWritten = () => fs.statSync(path.join(out, MANIFEST_FILE)).mtimeMs;
    const firstBuild = manifestWritten();

    const unchanged = await ensureAssets(out);
    expect(unchanged.built).toBe(false);
    expect(unchanged.manifest['application.css']).toMatch(/^application-[0-9a-f]{12}\.css$/);
    expect(manifestWritten()).toBe(firstBuild);

    // As if a stylesheet had been edited since that build.
    fs.writeFileSync(path.join(out, INPUTS_FILE), `${'0'.repeat(64)}\n`);
    const changed = await ensureAssets(out);
    expect(changed.built).toBe(true);
    expect(fs.readFileSync(path.join(out, INPUTS_FILE), 'utf8').trim()).toBe(digestAssetInputs());
    expect(fs.existsSync(path.join(out, changed.manifest['application.css'] as string))).toBe(true);
  }, 60_000);
});
