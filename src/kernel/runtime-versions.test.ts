import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { versionProblems } from '../../.ci/check-versions.mjs';
import { PROJECT_ROOT } from './assets/build-assets.ts';

describe('the Node.js and npm versions the README states', () => {
  it('accepts Node 20.19+ in 20.x or 22+, with npm 11+, and names what is wrong otherwise', () => {
    expect(versionProblems('20.19.0', '11.0.0')).toEqual([]);
    expect(versionProblems('22.12.0', '11.6.2')).toEqual([]);
    expect(versionProblems('20.18.1', '11.0.0')).toEqual([
      'Node.js 20.18.1 is not supported: use 20.19 or later in 20.x, or 22 or later.',
    ]);
    expect(versionProblems('21.7.3', '11.0.0')).toHaveLength(1);
    expect(versionProblems('20.20.2', '10.8.2')).toEqual([
      'npm 10.8.2 is not supported: use npm 11 or later (npm install -g npm@11).',
    ]);
  });

  it('is what package.json declares and what this machine runs', () => {
    const { engines } = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));
    expect(engines).toEqual({ node: '>=20.19 <21 || >=22', npm: '>=11' });
    const npmVersion = execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim();
    expect(versionProblems(process.versions.node, npmVersion)).toEqual([]);
  });
});
