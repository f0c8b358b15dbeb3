#!/usr/bin/env node
// Prints the Node.js and npm versions this machine has and fails if they are not the ones the README
// states (and package.json's `engines` declares): Node 20.19 or later in 20.x, or 22 and later; npm 11 or
// later. Plain JavaScript with no packages, so it runs before `npm ci`.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The reasons these versions are not supported; none when they are. */
export function versionProblems(nodeVersion, npmVersion) {
  const [nodeMajor = 0, nodeMinor = 0] = nodeVersion.split('.').map(Number);
  const [npmMajor = 0] = npmVersion.split('.').map(Number);
  const problems = [];
  if (!((nodeMajor === 20 && nodeMinor >= 19) || nodeMajor >= 22))
    problems.push(`Node.js ${nodeVersion} is not supported: use 20.19 or later in 20.x, or 22 or later.`);
  if (npmMajor < 11)
    problems.push(`npm ${npmVersion} is not supported: use npm 11 or later (npm install -g npm@11).`);
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const nodeVersion = process.versions.node;
  const npmVersion = execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim();
  console.log(`Node.js ${nodeVersion}, npm ${npmVersion}`);
  const problems = versionProblems(nodeVersion, npmVersion);
  for (const problem of problems) console.error(problem);
  process.exit(problems.length === 0 ? 0 : 1);
}
