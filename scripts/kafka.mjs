#!/usr/bin/env node
// Manages a real Apache Kafka broker (KRaft mode, no ZooKeeper) for local development and tests: one node, or
// with KAFKA_BROKERS_IN_CLUSTER=3 a cluster of three combined broker+controller nodes. Dependency-free: Node builtins only. The steps live in scripts/kafka/.
//
//   node scripts/kafka.mjs fetch    download the broker jars via Maven (first run only)
//   node scripts/kafka.mjs start    fetch if needed, format storage on first start, start, wait until ready
//   node scripts/kafka.mjs status   running / starting / stopped / using an existing broker, per broker
//   node scripts/kafka.mjs wait     wait until every broker is ready (default 60 s)
//   node scripts/kafka.mjs stop     every broker of this checkout, single or cluster: SIGTERM, 30 s, then SIGKILL
//   node scripts/kafka.mjs reset    stop and delete the data dirs (keeps the jars)
//
// Everything lives under <repo>/.local/kafka (git-ignored; a cluster's nodes in .local/kafka/cluster/node-N).
// Env: KAFKA_PORT (default 9092), KAFKA_CONTROLLER_PORT (default 9093), KAFKA_BROKERS_IN_CLUSTER (1 or 3; the
// cluster's nodes 2 and 3 listen on KAFKA_PORT+2/+3 and +4/+5). Requires Java 17+ and Maven (`mvn`) on PATH.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fetchKafka } from './kafka/fetch-jars.mjs';
import { HOST } from './kafka/settings.mjs';
import { say } from './kafka/shell.mjs';
import { resetKafka, startKafka, stopKafka } from './kafka/start-stop.mjs';
import { kafkaStatus, waitForKafka } from './kafka/status.mjs';

export { brokerPid, brokerPids } from './kafka/broker-process.mjs';
export { brokerList, brokerNodes, brokersInCluster } from './kafka/settings.mjs';
export { fetchKafka } from './kafka/fetch-jars.mjs';
export { resetKafka, startKafka, stopKafka } from './kafka/start-stop.mjs';
export { kafkaStatus, waitForKafka } from './kafka/status.mjs';

async function main(argv) {
  const [command, ...rest] = argv;
  switch (command) {
    case 'fetch': {
      const { fetched, version } = await fetchKafka({ force: rest.includes('--force') });
      if (!fetched) say(`broker jars for Kafka ${version} already present`);
      return 0;
    }
    case 'start':
      await startKafka();
      return 0;
    case 'stop':
      await stopKafka();
      return 0;
    case 'status': {
      const st = await kafkaStatus();
      const describe = (node) =>
        ({
          running: `running (pid ${node.pid}) at ${HOST}:${node.port}`,
          starting: `starting (pid ${node.pid}), ${HOST}:${node.port} not accepting connections yet`,
          external: `${HOST}:${node.port} is served by a process not started from this checkout; using the existing broker there`,
          stopped: `stopped (${HOST}:${node.port})`,
        })[node.state];
      if (st.nodes.length === 1) say(describe(st.nodes[0]));
      else for (const node of st.nodes) say(`broker ${node.id}: ${describe(node)}`);
      return st.state === 'stopped' ? 1 : 0;
    }
    case 'wait': {
      const ms = rest[0] ? Number(rest[0]) * 1000 : 60_000;
      if (!Number.isFinite(ms) || ms <= 0)
        throw new Error(`usage: node scripts/kafka.mjs wait [timeout-seconds]`);
      const { external } = await waitForKafka(ms);
      const st = await kafkaStatus();
      say(external ? `using the existing broker at ${st.brokers}` : `ready at ${st.brokers}`);
      return 0;
    }
    case 'reset':
      await resetKafka();
      return 0;
    default:
      say('usage: node scripts/kafka.mjs <fetch|start|stop|status|wait|reset>');
      return 2;
  }
}

function invokedDirectly() {
  if (!process.argv[1]) return false;
  let script = path.resolve(process.argv[1]);
  try {
    script = fs.realpathSync(script); // import.meta.url is the real path, argv[1] may be a symlink
  } catch {
    // keep the resolved path
  }
  return import.meta.url === pathToFileURL(script).href;
}
const isMain = invokedDirectly();
if (isMain) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      say(`✖ ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
