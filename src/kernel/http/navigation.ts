export interface NavigationLink {
  href: string;
  text: string;
  /**
   * Shown only to those the policy allows this action. Such links are tools for some roles, so pages show
   * them beside the account links rather than in the main navigation, which stays the same for everyone
   * and fits one line.
   */
  permission?: string;
}

/** The service navigation with the current section marked, in the shape govukServiceNavigation takes. */
export function navigationFor(
  links: readonly NavigationLink[],
  currentPath: string,
  allowed: (action: string) => boolean,
) {
  return links
    .filter((link) => !link.permission || allowed(link.permission))
    .map((link) => {
      const current = link.href === '/' ? currentPath === '/' : currentPath.startsWith(link.href);
      return { href: link.href, text: link.text, current, active: current, tool: Boolean(link.permission) };
    });
}

/**
 * A way into one part of the service from the home page, where every public part has a signpost (the service
 * navigation has room for only the most used). Each domain offers its own, placed by `position`.
 */
export interface Signpost {
  href: string;
  title: string;
  /** One sentence: what a reader finds there. */
  description: string;
  position: number;
}
