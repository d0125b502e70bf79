/** Who receives a digest: an email subscriber, or a Slack or Telegram endpoint. */
export type DigestChannel = 'email' | 'slack' | 'telegram';

/** The key of a digest recipient, `email#<subscriberId>`, `slack#<endpointId>` or `telegram#<endpointId>`: one pending list each. */
export function digestRecipientKey(channel: DigestChannel, id: string): string {
  return `${channel}#${id}`;
}

/** The channel and id of a recipient key; undefined for a key no digest writer makes. */
export function parseDigestRecipientKey(key: string): { channel: DigestChannel; id: string } | undefined {
  const match = /^(email|slack|telegram)#(.+)$/.exec(key);
  return match ? { channel: match[1] as DigestChannel, id: match[2]! } : undefined;
}
