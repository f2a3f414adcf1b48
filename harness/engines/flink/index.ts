export { flinkDescriptor } from './flink-engine.ts';
export { provisionFlink } from './flink-provision.ts';
export { startFlinkCluster, type FlinkCluster } from './flink-cluster.ts';
