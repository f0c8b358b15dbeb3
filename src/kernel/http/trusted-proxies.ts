/**
 * Which addresses in a request's X-Forwarded-For chain to believe, for Fastify's `trustProxy`. With N
 * proxies in front, the socket's peer and the N-1 entries nearest to it were written by those proxies; the
 * entry after them is the client. Anything further left was sent by the client and is never believed.
 * Fastify treats a bare hop count as "trust nothing", hence the function.
 */
export function trustProxyHops(hops: false | number): false | ((address: string, hop: number) => boolean) {
  if (hops === false || hops < 1) return false;
  return (_address, hop) => hop < hops;
}
