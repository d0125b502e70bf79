import * as z from 'zod';

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Validates the fetcher's configuration; messages never echo values, because the proxy URL may hold credentials. */
export const fetcherSettingsSchema = z.object({
  userAgent: z
    .string()
    .min(1)
    .refine((value) => !/[\r\n]/.test(value), 'userAgent must be a single line'),
  timeoutMs: z.int().positive(),
  maxBytes: z.int().positive(),
  proxyUrl: z.string().refine(isHttpUrl, 'proxyUrl must be an http:// or https:// URL').optional(),
  /** PEM certificates trusted in addition to Node's bundled roots (e.g. the Russian Trusted Root CA). */
  extraCaCertificates: z.array(z.string().min(1)).optional(),
  maxInFlightPerHost: z.int().positive(),
  minGapMsPerHost: z.int().nonnegative(),
  retry: z.object({
    attempts: z.int().positive(),
    baseDelayMs: z.int().nonnegative(),
    maxDelayMs: z.int().nonnegative(),
  }),
});

/** The fetcher's validated configuration. */
export type FetcherSettings = z.infer<typeof fetcherSettingsSchema>;

/** Parses raw settings, throwing one readable error that lists every bad field. */
export function parseFetcherSettings(input: unknown): FetcherSettings {
  const parsed = fetcherSettingsSchema.safeParse(input);
  if (!parsed.success) throw new Error(`Invalid polite fetcher settings:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
