import path from 'node:path';
import nunjucks from 'nunjucks';
import { type AssetManifest, PROJECT_ROOT } from '../assets/build-assets.ts';
import { plural } from '../formats/words.ts';

export interface ViewOptions {
  assets: AssetManifest;
  areaName: string;
  /** Re-read templates on every render, for editing them in development. */
  watch: boolean;
}

/**
 * One Nunjucks environment for the whole app. Domain templates are found by their path under src/domains
 * (`portal/views/home.njk`), kernel templates by name (`layout.njk`), GOV.UK and MOJ macros by their package path.
 */
export function createViewEnvironment(options: ViewOptions): nunjucks.Environment {
  const searchPaths = [
    path.join(PROJECT_ROOT, 'src/kernel/views'),
    path.join(PROJECT_ROOT, 'src/domains'),
    path.join(PROJECT_ROOT, 'node_modules/govuk-frontend/dist'),
    path.join(PROJECT_ROOT, 'node_modules/@ministryofjustice/frontend'),
  ];
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader(searchPaths, { noCache: options.watch }),
    {
      autoescape: true,
      throwOnUndefined: false,
    },
  );
  env.addGlobal('service', { areaName: options.areaName });
  env.addFilter('assetUrl', (logicalName: string) => assetUrl(options.assets, logicalName));
  env.addFilter('plural', (count: number, one: string, many?: string) => plural(count, one, many));
  return env;
}

export function assetUrl(assets: AssetManifest, logicalName: string): string {
  const file = assets[logicalName];
  if (!file) throw new Error(`Unknown asset ${logicalName}: rebuild with npx peelian assets build`);
  return `/assets/${file}`;
}
