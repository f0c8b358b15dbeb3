import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { INPUTS_FILE, isFingerprinted, MANIFEST_FILE, PUBLIC_DIR } from '../assets/build-assets.ts';

const ONE_YEAR = 365 * 24 * 60 * 60;
const ONE_DAY = 24 * 60 * 60;

/** Serves public/ under /assets, to anyone: fingerprinted files cached for good, the rest for a day. */
export async function registerStaticAssets(app: FastifyInstance, root: string = PUBLIC_DIR): Promise<void> {
  await app.register(async (assets) => {
    assets.addHook('onRoute', (route) => {
      route.config = { ...route.config, permission: 'public' };
    });
    await registerPublicDir(assets, root);
  });
}

async function registerPublicDir(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix: '/assets/',
    cacheControl: false,
    etag: true,
    lastModified: true,
    allowedPath: (pathName) => ![MANIFEST_FILE, INPUTS_FILE].includes(path.basename(pathName)),
    setHeaders(res, filePath) {
      res.setHeader(
        'Cache-Control',
        isFingerprinted(path.basename(filePath))
          ? `public, max-age=${ONE_YEAR}, immutable`
          : `public, max-age=${ONE_DAY}`,
      );
    },
  });
}
