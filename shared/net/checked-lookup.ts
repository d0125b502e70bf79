import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockedAddressError, isPublicAddress } from './ssrf-guard.js';

/** One address a hostname resolves to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Resolves a hostname to every address it has, giving up when `signal` aborts; injectable so tests can play a
 * hostile DNS server.
 */
export type HostResolver = (hostname: string, signal: AbortSignal) => Promise<readonly ResolvedAddress[]>;

/**
 * The operating system's resolver (getaddrinfo, /etc/hosts included), every address in the order it gives them. It
 * cannot be cancelled, only abandoned: for operator-allowed local hosts, not for user-supplied names.
 */
export const systemResolver: HostResolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

/**
 * The resolver's answer, or a rejection as soon as `signal` aborts even if the resolver ignores it: a lookup never
 * outlives the attempt's deadline.
 */
export function resolveWithin(resolve: HostResolver, hostname: string, signal: AbortSignal): Promise<readonly ResolvedAddress[]> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolvePromise, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    resolve(hostname, signal).then(resolvePromise, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The first address the resolution returns that the policy refuses, if any. */
export function firstNonPublic(addresses: readonly ResolvedAddress[]): ResolvedAddress | undefined {
  return addresses.find(({ address }) => !isPublicAddress(address));
}

/** The error for a hostname that resolves to an address the policy refuses. */
export function blockedResolution(hostname: string, address: ResolvedAddress): BlockedAddressError {
  return new BlockedAddressError(hostname, `resolves to ${address.address}, which is not a public address`);
}

/** The signature `net.connect` expects of its `lookup` option. */
export type ConnectLookup = (
  hostname: string,
  options: LookupOptions,
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => void;

/**
 * A `net.connect` lookup that runs the resolver and, when guarding, refuses the connection if any answer is non-public.
 * Checking here, on the very answer the socket connects to, is what defeats DNS rebinding: there is no second lookup
 * between the check and the connect. A mixed answer (public + private) is refused as a whole. A lookup gives up after
 * `timeoutMs`, the attempt's own deadline.
 */
export function checkedLookup(resolve: HostResolver, guard: boolean, timeoutMs: number): ConnectLookup {
  return (hostname, options, callback) => {
    resolveWithin(resolve, hostname, AbortSignal.timeout(timeoutMs)).then(
      (resolved) => {
        const blocked = guard ? firstNonPublic(resolved) : undefined;
        if (blocked) return callback(blockedResolution(hostname, blocked), '');
        const usable = resolved.filter(({ family }) => !options.family || options.family === family);
        const first = usable[0];
        if (!first) return callback(new Error(`${hostname} has no usable address`), '');
        if (options.all) return callback(null, usable.map(({ address, family }) => ({ address, family })));
        return callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), ''),
    );
  };
}
