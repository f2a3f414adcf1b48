import { byteOrder } from '../byte-order.ts';
import type { WireTallyEntry } from '../catalog/index.ts';
import { operationOf } from './rest-operations.ts';

/** Requests of one operation, answer status and client family over a run. */
export interface OperationTally {
  /** The specification's operationId; for a request outside the specification, `METHOD path`. */
  operation: string;
  status: number;
  client: string;
  count: number;
}

/** Unmatched paths kept at most per cell (the rest are counted under `… (others)`). */
const MAX_UNMATCHED = 100;

/** A client family and the User-Agent its requests carry (the engines' registry says which: engines/engine-registry.ts). */
export interface ClientFamily {
  userAgent: RegExp;
  family: string;
}

/**
 * The client family behind a User-Agent: the first family whose pattern matches (the engines'
 * HTTP clients); no User-Agent is the harness itself (its `rest` steps); any other, its product.
 */
export function clientFamily(userAgent: string | undefined, families: readonly ClientFamily[]): string {
  if (!userAgent) return 'harness';
  return families.find((f) => f.userAgent.test(userAgent))?.family ?? userAgent.split('/')[0]!.slice(0, 40);
}

/** The wire proxy's counts folded into operations of the specification. */
export function tallyOperations(entries: readonly WireTallyEntry[], families: readonly ClientFamily[]): OperationTally[] {
  const out = new Map<string, OperationTally>();
  const unmatched = new Set<string>();
  for (const e of entries) {
    let operation = operationOf(e.method, e.path)?.id;
    if (!operation) {
      const name = `${e.method} ${e.path}`;
      if (unmatched.size < MAX_UNMATCHED) unmatched.add(name);
      operation = unmatched.has(name) ? name : `${e.method} (others)`;
    }
    const client = clientFamily(e.client, families);
    const key = `${operation}\u0000${e.status}\u0000${client}`;
    const t = out.get(key);
    if (t) t.count += e.count;
    else out.set(key, { operation, status: e.status, client, count: e.count });
  }
  return [...out.values()].sort((a, b) => byteOrder(a.operation, b.operation) || a.status - b.status || byteOrder(a.client, b.client));
}
