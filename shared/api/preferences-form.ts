import * as z from 'zod';
import { EmailAddressSchema } from '../store/subscriber-store.js';
import {
  DEFAULT_TIME_ZONE,
  followsNothing,
  overLimits,
  PreferencesSchema,
  type FollowLimits,
  type Preferences,
} from '../subscriptions/subscription-preferences.js';

const text = (max: number) => z.string().max(max).optional();
const originNames = z.union([z.string().max(30_000), z.array(z.string().max(30_000)).max(200)]).optional();

/**
 * The largest body of a valid subscription, as a form or as JSON: 50 topics of 500 characters of up to 3 UTF-8
 * bytes each, percent-encoded (×3) or \u-escaped, is about 225 KB, and 200 bills a few KB more. The router's
 * 64 KB default refused what the JSON API accepts, so the preference pages could not save it.
 */
export const SUBSCRIPTION_BODY_BYTES = 320 * 1024;

/**
 * The fields of the sign-up and preferences forms as the browser sends them (urlencoded text). What they
 * mean is checked afterwards by {@link readPreferencesForm}, so a mistake re-renders the form, not an error page.
 */
export const PreferencesFormSchema = z.object({
  email: text(320),
  /** Bill numbers, one per line (commas and spaces also separate). */
  bills: text(20_000),
  /** Topic queries, one per line. */
  topics: text(30_000),
  /**
   * Committees and initiators, one name per line; several values when the form sends a ticked name or an added one
   * beside its text area.
   */
  committees: originNames,
  initiators: originNames,
  language: text(10),
  timeZone: text(100),
  frequency: text(20),
  /** `all`, or `chosen` to use the `stages` checkboxes. */
  stageMode: text(10),
  stages: z.union([z.string().max(10), z.array(z.string().max(10)).max(50)]).optional(),
  /** A checkbox: present (any value) when ticked; a browser sends nothing at all for an unticked one. */
  newsAlerts: text(10),
  weekAhead: text(10),
  csrf: text(4096),
});
export type PreferencesFormFields = z.infer<typeof PreferencesFormSchema>;

/** What the form shows: the values as typed, so a form with a mistake comes back as the person left it. */
export interface PreferencesFormValues {
  email: string;
  bills: string;
  topics: string;
  committees: string;
  initiators: string;
  language: string;
  timeZone: string;
  frequency: string;
  stageMode: 'all' | 'chosen';
  stages: string[];
  newsAlerts: boolean;
  weekAhead: boolean;
}

/** Form field name → the first problem with it. */
export type FormErrors = Partial<Record<keyof PreferencesFormValues, string>>;

export type FormReading =
  | { ok: true; email: string; preferences: Preferences; values: PreferencesFormValues }
  | { ok: false; errors: FormErrors; values: PreferencesFormValues };

/** The non-empty lines of a text area, trimmed. */
export function lines(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
}

/** A field's values as one text of lines (a ticked box, a text area and an added name, all sent under one name). */
function joinLines(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value : [value ?? '']).filter((line) => line.trim() !== '').join('\n');
}

/** The form's values for stored preferences. */
export function formValuesOf(preferences: Preferences, email = ''): PreferencesFormValues {
  return {
    email,
    bills: preferences.bills.join('\n'),
    topics: preferences.topics.join('\n'),
    committees: preferences.committees.join('\n'),
    initiators: preferences.initiators.join('\n'),
    language: preferences.language,
    timeZone: preferences.timeZone,
    frequency: preferences.frequency,
    stageMode: preferences.stages === 'all' ? 'all' : 'chosen',
    stages: preferences.stages === 'all' ? [] : preferences.stages.map(String),
    newsAlerts: preferences.newsAlerts,
    weekAhead: preferences.weekAhead,
  };
}

/**
 * Reads the sign-up (`withEmail`) or preferences form into preferences, or the errors by field.
 * Sign-up must follow something; the preferences page may follow nothing (and stay subscribed).
 */
export function readPreferencesForm(
  fields: PreferencesFormFields,
  options: { withEmail: boolean; followSomethingMessage: string; limits: FollowLimits },
): FormReading {
  const values: PreferencesFormValues = {
    email: fields.email?.trim() ?? '',
    bills: fields.bills ?? '',
    topics: fields.topics ?? '',
    committees: joinLines(fields.committees),
    initiators: joinLines(fields.initiators),
    language: fields.language ?? 'ru',
    timeZone: fields.timeZone?.trim() || DEFAULT_TIME_ZONE,
    frequency: fields.frequency ?? 'instant',
    stageMode: fields.stageMode === 'chosen' ? 'chosen' : 'all',
    stages: fields.stages === undefined ? [] : Array.isArray(fields.stages) ? fields.stages : [fields.stages],
    // Both forms show this checkbox, so its absence means unticked, not "keep as it was".
    newsAlerts: fields.newsAlerts !== undefined,
    weekAhead: fields.weekAhead !== undefined,
  };
  const errors: FormErrors = {};
  const email = options.withEmail ? EmailAddressSchema.safeParse(values.email) : undefined;
  if (email && !email.success) errors.email = email.error.issues[0]?.message ?? 'invalid';

  const bills = values.bills.split(/[\s,;]+/).filter(Boolean);
  const topics = lines(values.topics);
  const committees = lines(values.committees);
  const initiators = lines(values.initiators);
  const parsed = PreferencesSchema.safeParse({
    bills,
    topics,
    committees,
    initiators,
    language: values.language,
    timeZone: values.timeZone,
    frequency: values.frequency,
    stages: values.stageMode === 'all' ? 'all' : values.stages.map(Number),
    newsAlerts: values.newsAlerts,
    weekAhead: values.weekAhead,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, index] = issue.path as [keyof PreferencesFormValues, number | undefined];
      const list = { bills, topics, committees, initiators }[field as string];
      const subject = typeof index === 'number' && list?.[index] !== undefined ? `“${list[index]}”: ` : '';
      errors[field] ??= `${subject}${issue.message}`;
    }
  }
  if (parsed.success) Object.assign(errors, overLimits(parsed.data, options.limits));
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors, values };
  if (options.withEmail && followsNothing(parsed.data)) {
    return { ok: false, errors: { bills: options.followSomethingMessage }, values };
  }
  return { ok: true, email: email?.success ? email.data : '', preferences: parsed.data, values };
}
