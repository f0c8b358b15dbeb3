import { describe, expect, it } from 'vitest';
import { navigationFor } from './navigation.ts';

describe('navigationFor', () => {
  const links = [
    { href: '/', text: 'Home' },
    { href: '/performance', text: 'Performance' },
    { href: '/admin', text: 'Admin', permission: 'users:manage' },
  ];
  const everyone = () => false;

  it('marks home only on the home page', () => {
    expect(navigationFor(links, '/', everyone).map((link) => link.current)).toEqual([true, false]);
    expect(navigationFor(links, '/accessibility', everyone).map((link) => link.current)).toEqual([
      false,
      false,
    ]);
  });

  it('marks a section on its pages', () => {
    expect(navigationFor(links, '/performance/burglary', everyone).map((link) => link.active)).toEqual([
      false,
      true,
    ]);
  });

  it('shows a link that needs a permission only to those who have it', () => {
    expect(navigationFor(links, '/', everyone).map((link) => link.text)).toEqual(['Home', 'Performance']);
    const admin = (action: string) => action === 'users:manage';
    expect(navigationFor(links, '/admin/users', admin).map((link) => link.text)).toEqual([
      'Home',
      'Performance',
      'Admin',
    ]);
  });
});
