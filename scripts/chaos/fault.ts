// A fault of the run: when it strikes (a fraction of the load phase), what it is, and how it is injected. An
// injection resolves once what it broke is back, with any checks of its own (what the system did meanwhile).
import type { ApiClient } from '@food/api-client';
import type { ChaosStack } from './chaos-stack.js';
import type { Check } from './check.js';
import type { Databases } from './databases.js';

export interface Fault {
  at: number;
  name: string;
  inject: () => Promise<Check[]>;
}

export interface FaultDeps {
  stack: ChaosStack;
  db: Databases;
  admin: ApiClient;
  /** When the load began: orders of this run were created after it. */
  started: number;
}
