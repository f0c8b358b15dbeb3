export interface NavigationLink {
  href: string;
  text: string;
}

/** The service navigation with the current section marked, in the shape govukServiceNavigation takes. */
export function navigationFor(links: readonly NavigationLink[], currentPath: string) {
  return links.map((link) => {
    const current = link.href === '/' ? currentPath === '/' : currentPath.startsWith(link.href);
    return { href: link.href, text: link.text, current, active: current };
  });
}
