// The SES emulator's mailbox, read by tests as the demo reads it (local/ses-mailbox.ts).
export { header, sentEmails, type StoredEmail } from '../../local/ses-mailbox.js';
