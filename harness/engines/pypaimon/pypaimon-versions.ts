import type { EnginePins } from '../../provisioning/index.ts';

/** pypaimon's first release on PyPI is 1.3.0: the 1.1 and 1.2 lines have no Python client. */
const NO_PYPAIMON = { unavailable: 'pypaimon has no release for this Paimon line on PyPI (its first is 1.3.0)' };

/**
 * The pypaimon release on PyPI per version-table row. A client variant row
 * (`2.0.0+pypaimon-2.1.0`) pairs a Paimon release with a newer pypaimon (released on PyPI more
 * often than Paimon on Maven Central).
 */
export const PYPAIMON_PINS: EnginePins<string | { unavailable: string }> = {
  '2.0.0': '2.0.0',
  '2.0.0+pypaimon-2.1.0': '2.1.0',
  '1.4.2': '1.4.2',
  '1.3.1': '1.3.1',
  '1.2.0': NO_PYPAIMON,
  '1.1.1': NO_PYPAIMON,
};
