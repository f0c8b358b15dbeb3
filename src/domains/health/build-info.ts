import fs from 'node:fs';
import path from 'node:path';

export interface BuildInfo {
  name: string;
  version: string;
  commit: string | null;
}

/** The package version, and the git commit from configuration or, in a clone, from .git itself. */
export function readBuildInfo(projectRoot: string, configuredCommit: string | undefined): BuildInfo {
  const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return { name: pkg.name, version: pkg.version, commit: configuredCommit ?? readGitHead(projectRoot) };
}

function readGitHead(projectRoot: string): string | null {
  try {
    const gitDir = path.join(projectRoot, '.git');
    const head = fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head;
    const ref = head.slice('ref: '.length);
    const loose = path.join(gitDir, ref);
    if (fs.existsSync(loose)) return fs.readFileSync(loose, 'utf8').trim();
    const packed = fs.readFileSync(path.join(gitDir, 'packed-refs'), 'utf8');
    return (
      packed
        .split('\n')
        .find((line) => line.endsWith(` ${ref}`))
        ?.split(' ')[0] ?? null
    );
  } catch {
    return null;
  }
}
