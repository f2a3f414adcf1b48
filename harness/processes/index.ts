export { GATEWAY_TIME_ZONE } from './engine-time-zone.ts';
export { startFlinkCluster, type FlinkCluster } from './flink-cluster.ts';
export { ManagedProcess, type LiveProcess, type StartSpec } from './managed-process.ts';
export { freePort } from './free-port.ts';
export { sparkConnectArgs, startSparkConnect, type SparkConnectServer } from './spark-connect-server.ts';
