import { fileURLToPath } from 'node:url';
import { sharedCacheFolders, type EnginePins } from '../../provisioning/index.ts';

/**
 * Spark per version-table row: Paimon's connector artifact (its id changed at 1.4,
 * `paimon-spark-3.5` became `paimon-spark-3.5_2.12`), pyspark (the Spark distribution and the
 * Connect client) and its Scala version.
 */
export interface SparkPin {
  artifactId: string;
  pyspark: string;
  scala: string;
}

const SPARK_3_5 = { artifactId: 'paimon-spark-3.5', pyspark: '3.5.7', scala: '2.12' };
const SPARK_3_5_2_12 = { artifactId: 'paimon-spark-3.5_2.12', pyspark: '3.5.7', scala: '2.12' };

export const SPARK_PINS: EnginePins<SparkPin> = {
  '2.0.0': SPARK_3_5_2_12,
  '2.0.0+pypaimon-2.1.0': SPARK_3_5_2_12,
  '1.4.2': SPARK_3_5_2_12,
  '1.3.1': SPARK_3_5,
  '1.2.0': SPARK_3_5,
  '1.1.1': SPARK_3_5,
};

/** Spark's Connect client, behind the harness's gateway protocol (run with pyspark's own venv). */
export const SPARK_GATEWAY = { python: fileURLToPath(new URL('spark_gateway.py', import.meta.url)) };

/** `spark-<version>` in the cache (pyspark with its Connect client, the spark-connect jar) is shared by every row on that Spark. */
export const sparkCacheFolder = sharedCacheFolders('spark', SPARK_PINS, (pin) => pin.pyspark);
