import type { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * Whether Powertools may trace here: only in Lambda (AWS_EXECUTION_ENV) and unless POWERTOOLS_TRACE_ENABLED=false.
 * Where this is false Powertools would turn its tracer off itself; where it is true the tracer still decides (SAM's
 * local runs, Amplify's mock).
 */
function mayTrace(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.AWS_EXECUTION_ENV) && env.POWERTOOLS_TRACE_ENABLED?.toLowerCase() !== 'false';
}

/**
 * The function's one X-Ray tracer, made once per cold start where tracing may be on, and absent elsewhere (the local
 * runtime, the CLI, the tests). Loading Powertools Tracer loads aws-xray-sdk-core, whose cls-hooked turns on async
 * hooks for every promise of the process, traced or not: ~12 % of a poll's CPU, so it is imported only where it may
 * trace. Outgoing HTTP is not captured: a webhook or Slack URL carries its secret in its path, and a trace would keep it.
 */
const tracer: Tracer | undefined = mayTrace(process.env)
  ? new (await import('@aws-lambda-powertools/tracer')).Tracer({ captureHTTPsRequests: false })
  : undefined;

/** An AWS SDK v3 client whose calls become subsegments of the invocation's trace (left as it is where tracing is off). */
export function traced<Client>(client: Client): Client {
  return tracer ? tracer.captureAWSv3Client(client) : client;
}

/**
 * Runs one invocation in a `## <handler>` subsegment annotated with the cold start and the service, recording its
 * error, as Powertools' `captureLambdaHandler` does (without middy). Where tracing is off it only runs it.
 */
export async function traceInvocation<Result>(run: () => Promise<Result>): Promise<Result> {
  if (!tracer?.isTracingEnabled()) return run();
  const segment = tracer.getSegment();
  const subsegment = segment?.addNewSubsegment(`## ${process.env._HANDLER ?? 'handler'}`);
  if (subsegment) tracer.setSegment(subsegment);
  tracer.annotateColdStart();
  tracer.addServiceNameAnnotation();
  try {
    return await run();
  } catch (error) {
    tracer.addErrorAsMetadata(error as Error);
    throw error;
  } finally {
    subsegment?.close();
    if (segment) tracer.setSegment(segment);
  }
}
