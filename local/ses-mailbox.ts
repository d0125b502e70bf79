import * as z from 'zod';

const StoredEmailSchema = z.object({
  messageId: z.string(),
  destination: z.object({ to: z.array(z.string()) }),
  subject: z.string(),
  body: z.object({ text: z.string().optional(), html: z.string().optional() }),
  headers: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  at: z.number(),
});
export type StoredEmail = z.infer<typeof StoredEmailSchema>;

/**
 * The mail the SES emulator has accepted, in the order it was sent; with `sinceSeconds`, only what it accepted from
 * that second on (the emulator's `at` is in whole seconds).
 */
export async function sentEmails(sesEndpoint: string, sinceSeconds?: number): Promise<StoredEmail[]> {
  const response = await fetch(`${sesEndpoint}/store${sinceSeconds === undefined ? '' : `?since=${sinceSeconds}`}`);
  const { emails } = z.object({ emails: z.array(StoredEmailSchema) }).parse(await response.json());
  return emails;
}

/** The value of a header of a stored email. */
export function header(email: StoredEmail, name: string): string | undefined {
  return email.headers?.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase())?.value;
}
