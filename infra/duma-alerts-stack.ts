import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from './constructs/api.js';
import { Delivery } from './constructs/delivery.js';
import { Monitoring } from './constructs/monitoring.js';
import { Secrets } from './constructs/secrets.js';
import type { ServiceResources } from './constructs/service-function.js';
import { Sources } from './constructs/sources.js';
import { Storage } from './constructs/storage.js';
import { FUNCTION_CATALOG, type FunctionSpec } from './function-catalog.js';
import type { Parameters } from './parameters.js';

const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface DumaAlertsStackProps extends StackProps {
  parameters: Parameters;
  /** Where the handlers are; the repository's functions/ unless a test says otherwise. */
  functionsDir?: string;
  catalog?: readonly FunctionSpec[];
}

/** The whole service in one stack: storage, secrets, API, delivery, sources and monitoring. */
export class DumaAlertsStack extends Stack {
  /** The catalog entries whose handler file exists, i.e. the functions in this stack. */
  readonly deployedFunctions: readonly FunctionSpec[];

  constructor(scope: Construct, id: string, props: DumaAlertsStackProps) {
    super(scope, id, { description: 'duma-alerts: alerts on Russian State Duma bills and news', ...props });
    const { parameters } = props;
    const functionsDir = props.functionsDir ?? join(PROJECT_ROOT, 'functions');
    this.deployedFunctions = (props.catalog ?? FUNCTION_CATALOG).filter((spec) => existsSync(join(functionsDir, `${spec.name}.ts`)));
    const ofConcern = (concern: FunctionSpec['concern']) => this.deployedFunctions.filter((spec) => spec.concern === concern);

    const storage = new Storage(this, 'Storage');
    const secrets = new Secrets(this, 'Secrets', {
      dumaProxySecretName: parameters.dumaProxySecretName,
      telegramBotTokenSecretName: parameters.telegramBotTokenSecretName,
    });
    // The API exists before the functions so that their links can point at it.
    const api = new Api(this, 'Api', { parameters });
    const shared = {
      parameters,
      functionsDir,
      projectRoot: PROJECT_ROOT,
      table: storage.table,
      secrets: secrets.references,
      publicBaseUrl: parameters.publicBaseUrl ?? api.url,
    };
    const delivery = new Delivery(this, 'Delivery', { specs: ofConcern('delivery'), resources: shared });
    const resources: ServiceResources = { ...shared, queues: delivery.queues, deadLetterQueues: delivery.queueDeadLetters, email: delivery.email };
    const sources = new Sources(this, 'Sources', { specs: ofConcern('sources'), resources });
    for (const spec of ofConcern('api')) api.serve(spec, resources);
    new Monitoring(this, 'Monitoring', {
      parameters,
      functions: [...sources.functions, ...delivery.functions, ...api.functions],
      sources: sources.functions,
      queues: delivery.queues,
      deadLetterQueues: delivery.deadLetterQueues,
      table: storage.table,
      httpApi: api.httpApi,
    });

    new CfnOutput(this, 'ApiUrl', { value: api.url, description: 'The HTTP API (sign-up pages, preferences, admin)' });
    new CfnOutput(this, 'TableName', { value: storage.table.tableName });
    new CfnOutput(this, 'TokenSigningKeyArn', { value: secrets.references.tokenSecrets!.id });
  }
}
