// Where the local brokers live: everything under <repo>/.local/kafka (git-ignored), the jars' pom under infra/kafka.
// The single broker keeps its files in .local/kafka itself; each node of the 3-broker cluster has its own directory
// under .local/kafka/cluster/node-<id> (its own data, pid file, log and server.properties).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const POM = path.join(ROOT, 'infra', 'kafka', 'pom.xml');
export const HOME = path.join(ROOT, '.local', 'kafka');
export const LIBS = path.join(HOME, 'libs');
export const LIBS_MARKER = path.join(LIBS, '.fetched');
export const CLUSTER_HOME = path.join(HOME, 'cluster');
export const LOG4J_FILE = path.join(HOME, 'log4j2.properties');
export const LOCK_FILE = path.join(HOME, 'start.lock');
export const CLASSPATH = `${LIBS}${path.sep}*`;

/** The files of one broker process whose directory is `home`. */
export function nodeFiles(home) {
  return {
    home,
    data: path.join(home, 'data'),
    pidFile: path.join(home, 'broker.pid'),
    logFile: path.join(home, 'broker.log'),
    prevLogFile: path.join(home, 'broker.prev.log'),
    propsFile: path.join(home, 'server.properties'),
  };
}

export const clusterNodeHome = (id) => path.join(CLUSTER_HOME, `node-${id}`);
