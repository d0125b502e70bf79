import { Resolver } from 'node:dns/promises';
import type { HostResolver, ResolvedAddress } from './checked-lookup.js';

export interface DnsResolverOptions {
  /** Gives up on a name after this long, whatever the servers do. */
  timeoutMs: number;
  /** `ip[:port]` of the DNS servers; the system's (resolv.conf) when absent. */
  servers?: readonly string[];
}

/**
 * Resolves A and AAAA records with c-ares, which queries DNS itself instead of blocking one of libuv's four
 * threadpool threads in getaddrinfo: a black-hole resolver then costs a pending query, not a thread every other
 * lookup in the process waits for. Each lookup has its own resolver, so the abort signal or the timeout cancels
 * exactly its queries. It does not read /etc/hosts: it is for public names, and local runs reach their
 * allow-listed hosts through the system resolver.
 */
export function createDnsResolver(options: DnsResolverOptions): HostResolver {
  return async (hostname, signal) => {
    const resolver = new Resolver({ timeout: Math.max(1, Math.floor(options.timeoutMs / 2)), tries: 2 });
    if (options.servers) resolver.setServers([...options.servers]);
    const deadline = AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs)]);
    const cancel = () => resolver.cancel();
    deadline.addEventListener('abort', cancel, { once: true });
    try {
      const [v4, v6] = await Promise.allSettled([resolver.resolve4(hostname), resolver.resolve6(hostname)]);
      deadline.throwIfAborted();
      const addresses: ResolvedAddress[] = [
        ...(v4.status === 'fulfilled' ? v4.value.map((address) => ({ address, family: 4 as const })) : []),
        ...(v6.status === 'fulfilled' ? v6.value.map((address) => ({ address, family: 6 as const })) : []),
      ];
      if (addresses.length > 0) return addresses;
      throw v4.status === 'rejected' ? v4.reason : new Error(`${hostname} has no address`);
    } finally {
      deadline.removeEventListener('abort', cancel);
    }
  };
}
