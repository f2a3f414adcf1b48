import { provision, type PaimonVersionRow, type Progress, type Provisioned } from '../provisioning/index.ts';
import { ENGINE_DESCRIPTORS } from './engine-registry.ts';
import type { EngineDescriptor } from './engine-descriptor.ts';

/**
 * A row's shared provisioning (the catalog's class path, the venv) with what the engines bring
 * to it: their Python packages and their Java sources.
 */
export function provisionForEngines(
  row: PaimonVersionRow,
  opts: { progress: Progress; refresh?: boolean },
  descriptors: readonly EngineDescriptor[] = ENGINE_DESCRIPTORS,
): Promise<Provisioned> {
  const python = descriptors.flatMap((d) => (d.local?.pythonPackages ? [{ engine: d.name, packages: d.local.pythonPackages }] : []));
  const javaSources = descriptors.flatMap((d) => d.local?.javaSources ?? []);
  return provision(row, { ...opts, engines: { python, javaSources } });
}
