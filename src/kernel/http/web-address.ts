import { z } from 'zod';

/**
 * The only kind of address Peelian stores or links to: http or https with a host. Anything else
 * (`javascript:`, `data:`, `file:` …) would run or open something other than a web page when clicked.
 */
export const WEB_ADDRESS_PROBLEM = 'Enter a web address starting http:// or https://';

export function webAddress(message: string = WEB_ADDRESS_PROBLEM) {
  return z.url({ protocol: /^https?$/, hostname: z.regexes.hostname, message });
}

/** For output: an address read back from the database is linked only if it is still a web address. */
export function isWebAddress(value: unknown): value is string {
  return webAddress().safeParse(value).success;
}
