/** The public page of a bill, relative to the service's base URL. */
export function billPagePath(number: string): string {
  return `/bills/${encodeURIComponent(number)}`;
}

/** The fragment id of an event on the bill page: sozd's event id, kept to characters an id and a URL carry as they are. */
export function eventAnchor(eventId: string): string {
  return `event-${eventId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** An absolute URL of the service: its public base, a path, and a query. */
export function publicUrl(publicBaseUrl: string, path: string, query: Record<string, string> = {}): string {
  const search = new URLSearchParams(query).toString();
  return `${publicBaseUrl.replace(/\/$/, '')}${path}${search ? `?${search}` : ''}`;
}
