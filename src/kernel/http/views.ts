import type { FastifyInstance } from 'fastify';
import type nunjucks from 'nunjucks';
import { ANONYMOUS } from '../auth/actor.ts';
import type { Policy } from '../auth/policy.ts';
import { type NavigationLink, navigationFor } from './navigation.ts';

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a template with a view model, adding what every page needs (navigation, who is signed in, CSRF token). */
    render(template: string, viewModel?: Record<string, unknown>): FastifyReply;
  }
}

export function registerViews(
  app: FastifyInstance,
  env: nunjucks.Environment,
  options: { navigation: readonly NavigationLink[]; policy: Policy },
): void {
  app.decorateReply('render', function render(template: string, viewModel: Record<string, unknown> = {}) {
    // An error raised before authentication ran still renders, as for a visitor.
    const actor = this.request.actor ?? ANONYMOUS;
    const path = this.request.url.split('?')[0] ?? '/';
    const links = navigationFor(options.navigation, path, (action) => options.policy.can(actor, action));
    const html = env.render(template, {
      navigation: links.filter((link) => !link.tool),
      tools: links.filter((link) => link.tool),
      currentUser: actor.kind === 'user' ? { displayName: actor.displayName, email: actor.email } : null,
      csrfToken: this.generateCsrf(),
      ...viewModel,
    });
    return this.type('text/html; charset=utf-8').send(html);
  });
}
