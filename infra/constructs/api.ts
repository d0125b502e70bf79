import { Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionSpec } from '../function-catalog.js';
import type { Parameters } from '../parameters.js';
import { ServiceFunction, type ServiceResources } from './service-function.js';

/**
 * One JSON line per request, from variables HTTP APIs support in access logs (`AccessLogFormat.clf()` uses
 * `$context.resourcePath`, a REST API variable that makes an HTTP API stage fail to deploy).
 */
export const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    requestTime: '$context.requestTime',
    httpMethod: '$context.httpMethod',
    routeKey: '$context.routeKey',
    path: '$context.path',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationErrorMessage: '$context.integrationErrorMessage',
  }),
);

/**
 * The public HTTP API: the console's paths go to the console function, every other route to the api function (each
 * routes itself: JSON API, web pages, one-click unsubscribe; the console's pages), on the $default stage with
 * throttling and access logs.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly functions: ServiceFunction[] = [];

  constructor(scope: Construct, id: string, props: { parameters: Parameters }) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'HttpApi', { description: 'duma-alerts: subscriptions, preferences, admin', createDefaultStage: false });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      autoDeploy: true,
      throttle: { rateLimit: props.parameters.apiRateLimit, burstLimit: props.parameters.apiBurstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(new LogGroup(this, 'AccessLogs', { retention: props.parameters.logRetentionDays })),
        format: ACCESS_LOG_FORMAT,
      },
    });
  }

  /** The API's address (the $default stage is served at the root). */
  get url(): string {
    return this.httpApi.apiEndpoint;
  }

  /** Serves the routes of `spec` (its paths, or $default) with its function; called once the resources it may use exist. */
  serve(spec: FunctionSpec, resources: ServiceResources): ServiceFunction {
    if (spec.trigger.kind !== 'http') throw new Error(`${spec.name}: the Api construct serves HTTP functions only`);
    const serviceFunction = new ServiceFunction(this, spec, resources);
    const integration = new HttpLambdaIntegration('Integration', serviceFunction.function);
    const routes = spec.trigger.paths?.map((path, index) => ({ id: `${spec.name}Route${index}`, key: HttpRouteKey.with(path, HttpMethod.ANY) }));
    for (const { id, key: routeKey } of routes ?? [{ id: 'DefaultRoute', key: HttpRouteKey.DEFAULT }]) {
      const route = new HttpRoute(this, id, {
        httpApi: this.httpApi,
        routeKey,
        integration,
      });
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'The API is public by design (sign-up pages, signed links in emails, RFC 8058 one-click unsubscribe without cookies); ' +
          'preference and unsubscribe requests are authorised by HMAC-signed tokens, admin routes by an API key and the console by the operator\'s session, all checked in the functions.',
      });
    }
    this.functions.push(serviceFunction);
    return serviceFunction;
  }
}
