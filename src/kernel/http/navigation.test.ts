import { describe, expect, it } from 'vitest';
import { navigationFor } from './navigation.ts';

describe('navigationFor', () => {
  const links = [
    { href: '/', text: 'Home' },
    { href: '/performance', text: 'Performance' },
  ];

  it('marks home only on the home page', () => {
    expect(navigationFor(links, '/').map((link) => link.current)).toEqual([true, false]);
    expect(navigationFor(links, '/accessibility').map((link) => link.current)).toEqual([false, false]);
  });

  it('marks a section on its pages', () => {
    expect(navigationFor(links, '/performance/burglary').map((link) => link.active)).toEqual([false, true]);
  });
});
