import { CATALOG_CAPABILITY_NAMES, UnknownCapabilityError, unknownCapabilities, type CatalogCapability } from './catalog-capabilities.ts';
import { operationsOf } from './rest-operations.ts';

/**
 * What a catalog speaking a release's specification claims by default: every capability with an
 * operation in that specification, `pagination`, and `authentication` unless the catalog takes
 * anonymous requests.
 */
export function specCapabilities(release: string, authProvider: string): CatalogCapability[] {
  const offered = new Set<CatalogCapability>(['core', 'pagination']);
  for (const op of operationsOf(release)) offered.add(op.capability);
  if (authProvider !== 'none') offered.add('authentication');
  return CATALOG_CAPABILITY_NAMES.filter((c) => offered.has(c));
}

/** What a run's catalog claims and who said so. */
export interface CapabilityClaim {
  claimed: CatalogCapability[];
  /** `config`: the external config or `--capabilities` listed them; `specification`: everything the release's specification defines. */
  source: 'config' | 'specification';
}

/** The claim of a run: the listed capabilities (checked), or the specification's for the release. */
export function capabilityClaim(listed: readonly string[] | undefined, release: string, authProvider: string): CapabilityClaim {
  if (listed === undefined) return { claimed: specCapabilities(release, authProvider), source: 'specification' };
  const unknown = unknownCapabilities(listed);
  if (unknown.length) throw new UnknownCapabilityError(unknown);
  return { claimed: CATALOG_CAPABILITY_NAMES.filter((c) => listed.includes(c)), source: 'config' };
}
