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
