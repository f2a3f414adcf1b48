/**
 * Who ran a step: an engine (absent `actor`), the catalog itself (REST steps, its own
 * authorization hooks), or the harness (files on disk, the wire proxy, the access-control layer,
 * its own checks). A result names its actor (`engine`) and says its type (`actor`); reports
 * filter by type, never by a list of names.
 */
export type ActorType = 'engine' | 'catalog' | 'harness';

/** The actors that are not engines, as results name them and say their type. */
export const CATALOG_ACTOR = { engine: 'catalog', actor: 'catalog' } as const;
export const FILES_ACTOR = { engine: 'files', actor: 'harness' } as const;
export const WIRE_PROXY_ACTOR = { engine: 'wire-proxy', actor: 'harness' } as const;
export const ACCESS_CONTROL_ACTOR = { engine: 'access-control', actor: 'harness' } as const;
export const HARNESS_ACTOR = { engine: 'harness', actor: 'harness' } as const;

/** Raw results written before results said their actor's type: the non-engine actors by name. */
const BEFORE_ACTOR_TYPES: Readonly<Record<string, ActorType>> = Object.fromEntries(
  [CATALOG_ACTOR, FILES_ACTOR, WIRE_PROXY_ACTOR, ACCESS_CONTROL_ACTOR, HARNESS_ACTOR].map((a) => [a.engine, a.actor]),
);

/** The type of a result's actor. */
export function actorType(entry: { engine: string; actor?: Exclude<ActorType, 'engine'> }): ActorType {
  return entry.actor ?? BEFORE_ACTOR_TYPES[entry.engine] ?? 'engine';
}
