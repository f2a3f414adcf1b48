import { pinOf, sharedCacheFolders, type EnginePins, type PaimonVersionRow } from '../../provisioning/index.ts';

/**
 * Flink with Paimon's connector, per version-table row: the Flink distribution (PyPI's
 * `apache-flink-libraries` and `apache-flink` wheels: lib/, opt/, bin/), the SQL Gateway jar of the
 * same Flink version, and the `paimon-flink-<flink minor>` connector. A row with no connector on
 * Maven Central says why instead.
 */
export type FlinkPin = { version: string; connector: string } | { unavailable: string };

const FLINK_2_0 = { version: '2.0.0', connector: 'paimon-flink-2.0' };
const FLINK_1_20 = { version: '1.20.3', connector: 'paimon-flink-1.20' };

export const FLINK_PINS: EnginePins<FlinkPin> = {
  '2.0.0': FLINK_2_0,
  '2.0.0+pypaimon-2.1.0': FLINK_2_0,
  '1.4.2': FLINK_2_0,
  '1.3.1': FLINK_1_20,
  '1.2.0': FLINK_1_20,
  '1.1.1': FLINK_2_0,
};

/** The Flink image of a row's Flink version (`--env docker`): the official one, or the one built here; undefined where the row has no Flink. */
export function flinkImage(row: PaimonVersionRow, source: 'official' | 'local' = 'official'): string | undefined {
  const pin = pinOf(FLINK_PINS, row);
  if (!pin || !('version' in pin)) return undefined;
  return source === 'official' ? `flink:${pin.version}-scala_2.12-java17` : `paimon-interop/flink:${pin.version}`;
}

/** `flink-<version>` in the cache (a Flink distribution) is shared by every row on that Flink. */
export const flinkCacheFolder = sharedCacheFolders('flink', FLINK_PINS, (pin) => ('version' in pin ? pin.version : undefined));
