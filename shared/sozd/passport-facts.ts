import type { Initiator, PassportField } from '../bill/bill.js';

/** Labels of the responsible committee's row, best first: sozd's Russian pages, then its English ones. */
const COMMITTEE_LABELS = ['ответственный комитет', 'responsible committee', 'профильный комитет', 'profile committee'];
const INITIATOR_LABELS = ['субъект права законодательной инициативы', 'subject of the right of legislative initiative'];

/**
 * How a passport introduces people: a role, then their names separated by commas. Longest first, so the plural wins.
 * Anything else in the row is a body (the Government, a region's legislature).
 */
const PERSON_ROLES: ReadonlyArray<{ prefix: RegExp; kind: Initiator['kind'] }> = [
  { prefix: /^депутаты?\s+государственной\s+думы(?=\s|,|$)/iu, kind: 'deputy' },
  { prefix: /^члены?\s+совета\s+федерации(?=\s|,|$)/iu, kind: 'senator' },
  { prefix: /^сенаторы?\s+российской\s+федерации(?=\s|,|$)/iu, kind: 'senator' },
  { prefix: /^deput(?:y|ies)\s+of\s+the\s+state\s+duma(?=\s|,|$)/iu, kind: 'deputy' },
  { prefix: /^members?\s+of\s+the\s+federation\s+council(?=\s|,|$)/iu, kind: 'senator' },
];

function labelOf(field: PassportField): string {
  return field.label.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').replace(/:$/, '').trim();
}

function rowValue(passport: readonly PassportField[], labels: readonly string[]): string | undefined {
  for (const label of labels) {
    const value = passport.find((field) => labelOf(field) === label)?.value.trim();
    if (value) return value;
  }
  return undefined;
}

/**
 * A person's name as sozd writes it in a passport, initials joined to the surname (`А.К.Исаев`): pages and people
 * type `А. К. Исаев` and `А.К. Исаев` too.
 */
export function personName(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/(\p{Lu}\.)\s+(?=\p{L})/gu, '$1');
}

/**
 * The responsible committee of a passport: its "Ответственный комитет" row, else its "Профильный комитет" row (the
 * committee whose remit the bill falls in today; it differs on some old bills, whose committee was since renamed).
 */
export function committeeOf(passport: readonly PassportField[]): string | undefined {
  const value = rowValue(passport, COMMITTEE_LABELS);
  return value?.replace(/\s+/g, ' ');
}

/**
 * Splits an initiators row into its holders: groups are separated by `;`; a group that opens with a role ("Депутаты
 * Государственной Думы", "Член Совета Федерации") lists people after it, separated by commas; any other group is one
 * body, commas and all ("Правительство Российской Федерации", "Государственное Собрание - Курултай Республики
 * Башкортостан"). A role with no names after it (sozd's English pages write only "Deputies of the State Duma") is
 * kept as a body, the page's own words. Repeats are dropped.
 */
export function parseInitiators(text: string): Initiator[] {
  const initiators: Initiator[] = [];
  const seen = new Set<string>();
  const add = (initiator: Initiator) => {
    const key = `${initiator.kind} ${initiator.name.toLowerCase()}`;
    if (!seen.has(key)) initiators.push(initiator);
    seen.add(key);
  };
  for (const group of text.split(';').map((part) => part.replace(/\s+/g, ' ').trim()).filter(Boolean)) {
    const role = PERSON_ROLES.find(({ prefix }) => prefix.test(group));
    const names = role ? group.replace(role.prefix, '').split(',').map(personName).filter(Boolean) : [];
    if (role && names.length > 0) for (const name of names) add({ kind: role.kind, name });
    else add({ kind: 'body', name: group });
  }
  return initiators;
}

/** The initiators of a passport ({@link parseInitiators} on its initiators row); empty without that row. */
export function initiatorsOf(passport: readonly PassportField[]): Initiator[] {
  const value = rowValue(passport, INITIATOR_LABELS);
  return value ? parseInitiators(value) : [];
}
