import { Construct } from 'constructs';
import type { FunctionSpec } from '../function-catalog.js';
import { scheduledServiceFunction } from './schedule-function.js';
import type { ServiceFunction, ServiceResources } from './service-function.js';

/** Reading the outside world: the scheduled pollers of bill pages and news feeds. */
export class Sources extends Construct {
  readonly functions: ServiceFunction[];

  constructor(scope: Construct, id: string, props: { specs: readonly FunctionSpec[]; resources: ServiceResources }) {
    super(scope, id);
    this.functions = props.specs.map((spec) => {
      const { trigger } = spec;
      if (trigger.kind !== 'schedule') throw new Error(`${spec.name}: a source runs on a schedule, not on a ${trigger.kind} trigger`);
      return scheduledServiceFunction(this, spec, props.resources);
    });
  }
}
