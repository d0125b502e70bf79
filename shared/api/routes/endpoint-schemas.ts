import * as z from 'zod';
import { EndpointKindSchema, EndpointOriginsSchema, EndpointRegistrationSchema, EndpointSchema, type Endpoint } from '../../webhooks/endpoint.js';
import { WebhookSecretSchema } from '../../webhooks/webhook-signature.js';

/** An endpoint id as registration makes them; the API and the CLI refuse anything else before reading the table. */
export const EndpointIdSchema = z.string().regex(/^ep_[0-9a-f]{24}$/, 'an endpoint id like ep_0123…');

/** The path of one endpoint: `/api/admin/endpoints/{endpointId}`. */
export const EndpointIdParamsSchema = z.object({ endpointId: EndpointIdSchema });

/** A registration as the API takes it: the service's own schema, and nothing else (a misspelt field is named, not dropped). */
export const EndpointRegistrationBodySchema = EndpointRegistrationSchema.strict();

/** An endpoint as the API shows it: everything but its signing secrets, which are only ever shown once. */
export const EndpointViewSchema = EndpointSchema.omit({ secrets: true });
export type EndpointView = z.infer<typeof EndpointViewSchema>;

export const EndpointListSchema = z.object({ items: z.array(EndpointViewSchema), cursor: z.string().optional() });

export const RegisteredEndpointSchema = z.object({
  endpoint: EndpointViewSchema,
  /** Webhooks only: the signing secret, shown this once. */
  secret: WebhookSecretSchema.optional(),
  /** The change id of the test event sent on registration, to find it in the delivery log. */
  testEventId: z.string(),
});

/**
 * A change to an endpoint's settings; what is not given stays. `committees` and `initiators` replace the lists of
 * origins it follows ("new bill from …"); `weekAhead` turns its Monday post on or off.
 */
export const EndpointPatchSchema = EndpointOriginsSchema.extend({ weekAhead: z.boolean().optional() }).refine(
  (patch) => Object.values(patch).some((value) => value !== undefined),
  'give at least one of weekAhead, committees, initiators',
);

export const TestEventSchema = z.object({ testEventId: z.string() });

export const ReplaySchema = z.object({ replayed: z.number().int() });

export const RotatedSecretSchema = z.object({
  /** The new signing secret, shown this once. */
  secret: WebhookSecretSchema,
  /** Until when the previous secret also signs. */
  previousExpiresAt: z.string(),
});

export const RotateSecretQuerySchema = z.object({
  /** How long the previous secret keeps signing, in hours (default 24; 0 retires it at once). */
  overlapHours: z.coerce.number().int().min(0).max(168).default(24),
});

export const DeliveryLogQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(2048).optional(),
});

export const DeliveryLogSchema = z.object({
  items: z.array(
    z.object({
      changeId: z.string(),
      endpointId: z.string(),
      channel: EndpointKindSchema,
      /** A bill change, an alert (topic match, "in the news") or a test event. */
      event: z.enum(['bill.changed', 'alert', 'ping']),
      billNumber: z.string().optional(),
      status: z.enum(['sending', 'delivered', 'retrying', 'queued', 'missed', 'failed']),
      attempts: z.number().int(),
      createdAt: z.string(),
      lastAttemptAt: z.string().optional(),
      nextAttemptAt: z.string().optional(),
      lastResult: z.string().optional(),
      attemptLog: z.array(z.object({ attempt: z.number().int(), at: z.string(), result: z.string(), durationMs: z.number() })),
    }),
  ),
  cursor: z.string().optional(),
});

/** The endpoint without its secrets. */
export function endpointView(endpoint: Endpoint): EndpointView {
  const { secrets: _secrets, ...view } = endpoint;
  return view;
}
