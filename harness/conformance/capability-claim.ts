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
  /**
   * `config`: the external config or `--capabilities` listed them; `implementation`: the
   * environment knows what its catalog server implements (pypaimon's reference server);
   * `specification`: everything the release's specification defines.
   */
  source: 'config' | 'implementation' | 'specification';
}

/**
 * The claim of a run: the listed capabilities (checked), else what the environment's catalog
 * server implements (within its release's specification), else the specification's for the release.
 */
export function capabilityClaim(
  listed: readonly string[] | undefined,
  release: string,
  authProvider: string,
  implemented?: readonly CatalogCapability[],
): CapabilityClaim {
  if (listed !== undefined) {
    const unknown = unknownCapabilities(listed);
    if (unknown.length) throw new UnknownCapabilityError(unknown);
    return { claimed: CATALOG_CAPABILITY_NAMES.filter((c) => listed.includes(c)), source: 'config' };
  }
  const specified = specCapabilities(release, authProvider);
  if (implemented !== undefined) return { claimed: specified.filter((c) => implemented.includes(c)), source: 'implementation' };
  return { claimed: specified, source: 'specification' };
}

/** Who a claim comes from, in words, for skip reasons and reports. */
export function claimSourceText(source: CapabilityClaim['source'], release?: string): string {
  const spec = release ? `the Paimon ${release} specification` : "its release's specification";
  if (source === 'config') return 'capabilities listed in the config (or --capabilities)';
  if (source === 'implementation') return `what the catalog server implements of ${spec}`;
  return `everything ${spec} defines`;
}
