/**
 * The URL if it is an absolute http(s) address, otherwise undefined.
 * Links in alerts come from an external page; a `javascript:` or `data:` link must never become clickable.
 */
export function webLink(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
