import type { FastifyInstance } from 'fastify';
import type nunjucks from 'nunjucks';
import { ANONYMOUS } from '../auth/actor.ts';
import type { Policy } from '../auth/policy.ts';
import { type NavigationLink, navigationFor } from './navigation.ts';

/**
 * A template bound to the type of the view model it is rendered with, so a page's model is checked where it is
 * built: `const PLAN_PAGE = view<PlanPageView>('plans/views/plan.njk')`, then `reply.render(PLAN_PAGE, model)`.
 */
export interface View<Model> {
  readonly template: string;
  /** Never set: it only carries the model's type. */
  readonly model?: Model;
}

/** What every page's model gives the layout. */
export interface PageModel {
  pageTitle: string;
}

/** The model a view-model function builds, for binding its page: `view<ModelOf<typeof toPlanPage>>(…)`. */
export type ModelOf<Build extends (...args: never[]) => unknown> = NonNullable<Awaited<ReturnType<Build>>>;

export function view<Model extends PageModel>(template: string): View<Model> {
  return { template };
}

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page with its view model, adding what every page needs (navigation, who is signed in, CSRF token). */
    render<Model>(page: View<Model>, viewModel: NoInfer<Model>): FastifyReply;
    /** The same for a template named by its path, its model unchecked. */
    render(template: string, viewModel?: Record<string, unknown>): FastifyReply;
  }
}

export function registerViews(
  app: FastifyInstance,
  env: nunjucks.Environment,
  options: { navigation: readonly NavigationLink[]; policy: Policy },
): void {
  app.decorateReply('render', function render(page: string | View<unknown>, viewModel: object = {}) {
    const template = typeof page === 'string' ? page : page.template;
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
