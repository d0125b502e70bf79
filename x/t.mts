import { Webhook } from 'standardwebhooks';
import { randomBytes } from 'node:crypto';
import { WebhookSecretSchema } from '../shared/webhooks/webhook-signature.ts';
const b = randomBytes(25);
const padded = b.toString('base64'); const unpadded = padded.replace(/=+$/,'');
console.log(padded, unpadded);
for (const s of [padded, unpadded]) {
  const sec = 'whsec_'+s;
  console.log(WebhookSecretSchema.safeParse(sec).success);
  try { const sig = new Webhook(sec).sign('msg_1', new Date(), '{}'); console.log(sig, new Webhook('whsec_'+padded).verify('{}', {'webhook-id':'msg_1','webhook-timestamp':String(Math.floor(Date.now()/1000)),'webhook-signature':sig})); } catch(e) { console.log('err', (e as Error).message); }
}
console.log(WebhookSecretSchema.safeParse('whsec_'+randomBytes(24).toString('base64')+'A').success, WebhookSecretSchema.safeParse(' whsec_'+randomBytes(24).toString('base64')).success, WebhookSecretSchema.safeParse('whsec_'+randomBytes(24).toString('base64')+'\n').success);
console.log(WebhookSecretSchema.safeParse('whsec_'+randomBytes(24).toString('base64').slice(0,-1)).success);
