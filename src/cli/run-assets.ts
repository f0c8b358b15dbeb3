import { buildAssets, PUBLIC_DIR } from '../kernel/assets/build-assets.ts';
import type { CommandContext } from '../kernel/cli/command.ts';

export async function runAssetsBuild({ stderr }: CommandContext): Promise<void> {
  const manifest = await buildAssets();
  stderr(`Built ${Object.keys(manifest).length} assets into ${PUBLIC_DIR}.`);
}
