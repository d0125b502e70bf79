import type { TableAccess } from '../access/access.js';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './dynamo-helpers.js';
import { FOLLOWER_PREFIX, keys } from './table-schema.js';

/** How one follower of a bill wants its alerts: the channel, the endpoint (webhook, Slack), how often, which stages. */
export interface FollowerRoute {
  /** The subscriber, or the endpoint for webhook and Slack followers. */
  subscriberId: string;
  billNumber: string;
  channel: 'email' | 'webhook' | 'slack' | 'telegram';
  endpointId?: string;
  frequency: 'instant' | 'daily' | 'weekly';
  stages: 'all' | number[];
}

/** A follower's routing, whatever it follows (a bill or a topic). */
export type DeliveryRoute = Omit<FollowerRoute, 'billNumber'>;

/** Reads a bill's follower items with their routing, a page at a time. */
export interface FollowerRouteReader {
  listRoutes(billNumber: string): AsyncIterable<FollowerRoute[]>;
}

/**
 * FollowerRouteReader on the BILL#n/FOLLOWER#id items. Other writers (sign-up, CLI, endpoints) add the routing fields
 * over time, so each is read defensively: no channel is email, no frequency is instant, no stage filter is all stages.
 */
export class DynamoFollowerRouteReader implements FollowerRouteReader {
  /** What it does on the table and where: the grants (actions, `dynamodb:LeadingKeys`) of every function that uses it. */
  static readonly access: TableAccess = {
    actions: ['Query'],
    keys: ['bill'],
    index: [],
  };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async *listRoutes(billNumber: string): AsyncIterable<FollowerRoute[]> {
    const pages = queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.bill(billNumber).PK, ':prefix': FOLLOWER_PREFIX },
      ProjectionExpression: '#subscriber, #bill, #channel, #endpoint, #frequency, #stages',
      ExpressionAttributeNames: {
        '#subscriber': 'subscriberId',
        '#bill': 'billNumber',
        '#channel': 'channel',
        '#endpoint': 'endpointId',
        '#frequency': 'frequency',
        '#stages': 'stages',
      },
    });
    for await (const page of pages) yield page.map(toRoute);
  }
}

const CHANNELS: ReadonlySet<unknown> = new Set(['email', 'webhook', 'slack', 'telegram']);
const FREQUENCIES: ReadonlySet<unknown> = new Set(['instant', 'daily', 'weekly']);

/**
 * How a follower item (of a bill or of a topic) wants its alerts, read defensively: no channel is email, no frequency
 * is instant, no stage filter is all stages, and an endpoint follower without an endpoint id is its own endpoint.
 */
export function deliveryRouteOf(item: Record<string, unknown>): DeliveryRoute {
  const channel = CHANNELS.has(item.channel) ? (item.channel as FollowerRoute['channel']) : 'email';
  const route: DeliveryRoute = {
    subscriberId: item.subscriberId as string,
    channel,
    frequency: FREQUENCIES.has(item.frequency) ? (item.frequency as FollowerRoute['frequency']) : 'instant',
    stages: Array.isArray(item.stages) && item.stages.every((id) => typeof id === 'number') ? (item.stages as number[]) : 'all',
  };
  if (channel !== 'email') route.endpointId = typeof item.endpointId === 'string' ? item.endpointId : route.subscriberId;
  return route;
}

function toRoute(item: Record<string, unknown>): FollowerRoute {
  return { ...deliveryRouteOf(item), billNumber: item.billNumber as string };
}
