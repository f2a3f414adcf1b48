import { describe, expect, it } from 'vitest';
import { sparkConnectArgs } from './spark-connect-server.ts';

describe('sparkConnectArgs', () => {
  const install = {
    sparkVersion: '3.5.7',
    sparkHome: '/s',
    python: '/p',
    connectJar: '/j/spark-connect.jar',
    connectorJar: '/j/paimon-spark.jar',
    connector: 'c',
  };
  const args = sparkConnectArgs(install, 15123, '/w');

  it("runs the Connect server's class with the connector beside it, on the given port", () => {
    expect(args.slice(0, 5)).toEqual([
      '/s/bin/spark-submit',
      '--master',
      'local[2]',
      '--class',
      'org.apache.spark.sql.connect.service.SparkConnectServer',
    ]);
    expect(args[args.indexOf('--jars') + 1]).toBe('/j/spark-connect.jar,/j/paimon-spark.jar');
    expect(args[args.indexOf('spark.connect.grpc.binding.port=15123') - 1]).toBe('--conf');
    expect(args.at(-1)).toBe('/j/spark-connect.jar');
  });

  it("loads Paimon's session extensions at start, keeps the driver on loopback and files in the work folder", () => {
    expect(args).toContain('spark.sql.extensions=org.apache.paimon.spark.extensions.PaimonSparkSessionExtensions');
    expect(args).toContain('spark.driver.bindAddress=127.0.0.1');
    expect(args).toContain('spark.sql.warehouse.dir=/w/spark-warehouse');
    expect(args).toContain('spark.sql.catalogImplementation=in-memory');
  });
});
