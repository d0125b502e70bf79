import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Secret, type ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { SecretKey } from '../function-catalog.js';

/** A secret as the functions see it: what to put in their environment and what to grant. */
export interface SecretReference {
  secret: ISecret;
  /** The ARN or name that GetSecretValue is called with. */
  id: string;
  /** The resource in IAM policies (a name-only import matches any of Secrets Manager's 6-character suffixes). */
  policyArn: string;
}

/**
 * The service's secrets in Secrets Manager: the token signing key and the admin API key, generated here, and the
 * Duma proxy URL and the Telegram bot token, which the operator creates (a password, a token from @BotFather) and
 * names in the parameters. Functions get their ARN, never the value.
 */
export class Secrets extends Construct {
  readonly references: Partial<Record<SecretKey, SecretReference>>;

  constructor(scope: Construct, id: string, props: { dumaProxySecretName?: string | undefined; telegramBotTokenSecretName?: string | undefined }) {
    super(scope, id);
    const tokenSigningKey = new Secret(this, 'TokenSigningKey', {
      description: 'duma-alerts: HMAC keys for signed links, comma-separated; the first signs, all verify',
      // No punctuation, so a comma can separate an old key from a new one during a rotation.
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      // Every unsubscribe link already sent is signed with it: a redeployed stack must find the same key.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(tokenSigningKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotation is two-phase and by hand (docs/deploy.md: append the new key as a verifier, wait for the 5-minute secret cache, ' +
        'then move it first to sign; keep the old key as a verifier for links already sent); an automatic rotation would ' +
        'replace the key at once and break the unsubscribe links in emails already sent.',
    });
    const adminApiKey = new Secret(this, 'AdminApiKey', {
      description: 'duma-alerts: the API key of the admin endpoints (header x-api-key)',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(adminApiKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: "The key is held by a newsroom's own tools; rotating it is a coordinated change with them, not a schedule.",
    });
    this.references = { tokenSecrets: ownSecret(tokenSigningKey), adminApiKey: ownSecret(adminApiKey) };
    if (props.dumaProxySecretName) this.references.dumaProxy = importSecret(this, 'DumaProxyUrl', props.dumaProxySecretName);
    if (props.telegramBotTokenSecretName) this.references.telegramBotToken = importSecret(this, 'TelegramBotToken', props.telegramBotTokenSecretName);
  }
}

function ownSecret(secret: Secret): SecretReference {
  return { secret, id: secret.secretArn, policyArn: secret.secretArn };
}

function importSecret(scope: Construct, id: string, nameOrArn: string): SecretReference {
  if (nameOrArn.startsWith('arn:')) {
    const secret = Secret.fromSecretCompleteArn(scope, id, nameOrArn);
    return { secret, id: nameOrArn, policyArn: nameOrArn };
  }
  const secret = Secret.fromSecretNameV2(scope, id, nameOrArn);
  return { secret, id: nameOrArn, policyArn: `${secret.secretArn}-??????` };
}
