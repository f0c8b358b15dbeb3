import type { FastifyInstance } from 'fastify';
import type nunjucks from 'nunjucks';
import { type NavigationLink, navigationFor } from './navigation.ts';

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a template with a view model, adding what every page needs (navigation). */
    render(template: string, viewModel?: Record<string, unknown>): FastifyReply;
  }
}

export function registerViews(
  app: FastifyInstance,
  env: nunjucks.Environment,
  navigation: readonly NavigationLink[],
): void {
  app.decorateReply('render', function render(template: string, viewModel: Record<string, unknown> = {}) {
    const path = this.request.url.split('?')[0] ?? '/';
    const html = env.render(template, { navigation: navigationFor(navigation, path), ...viewModel });
    return this.type('text/html; charset=utf-8').send(html);
  });
}
