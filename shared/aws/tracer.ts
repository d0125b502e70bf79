import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * The function's one X-Ray tracer, made once per cold start. Powertools turns it off outside Lambda (no
 * AWS_EXECUTION_ENV) and wherever POWERTOOLS_TRACE_ENABLED=false, so the local runtime, the CLI and the tests trace
 * nothing and print nothing. Outgoing HTTP is not captured: a webhook or Slack URL carries its secret in its path, and
 * a trace would keep it.
 */
export const tracer = new Tracer({ captureHTTPsRequests: false });

/** An AWS SDK v3 client whose calls become subsegments of the invocation's trace (left as it is where tracing is off). */
export function traced<Client>(client: Client): Client {
  return tracer.captureAWSv3Client(client);
}

/**
 * Runs one invocation in a `## <handler>` subsegment annotated with the cold start and the service, recording its
 * error, as Powertools' `captureLambdaHandler` does (without middy). Where tracing is off it only runs it.
 */
export async function traceInvocation<Result>(run: () => Promise<Result>): Promise<Result> {
  if (!tracer.isTracingEnabled()) return run();
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
