import type { Language } from '../../bill/stages.js';
import type { ApiRequest } from '../http-types.js';

/**
 * The language of a page: `?lang=` when given, else the subscriber's own (pages behind a link), else the
 * first of ru/en the browser prefers by Accept-Language, else Russian.
 */
export function pageLanguage(request: ApiRequest, subscriberLanguage?: Language): Language {
  const asked = request.query.lang;
  if (asked === 'ru' || asked === 'en') return asked;
  if (subscriberLanguage) return subscriberLanguage;
  return preferredLanguage(request.headers['accept-language'] ?? '') ?? 'ru';
}

function preferredLanguage(header: string): Language | undefined {
  const ranked = header
    .slice(0, 500)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().toLowerCase().split(';');
      const q = Number(parameters.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? '1');
      return { primary: tag.split('-')[0], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0 && (entry.primary === 'ru' || entry.primary === 'en'))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.primary as Language | undefined;
}
