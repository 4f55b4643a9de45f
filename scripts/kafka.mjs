#!/usr/bin/env node
// Manages a real single-node Apache Kafka broker (KRaft mode, no ZooKeeper) for local
// development and tests. Dependency-free: Node builtins only. The steps live in scripts/kafka/.
//
//   node scripts/kafka.mjs fetch    download the broker jars via Maven (first run only)
//   node scripts/kafka.mjs start    fetch if needed, format storage on first start, start, wait until ready
//   node scripts/kafka.mjs status   running / starting / stopped / using an existing broker
//   node scripts/kafka.mjs wait     wait until the broker is ready (default 60 s)
//   node scripts/kafka.mjs stop     SIGTERM, wait up to 30 s, then SIGKILL
//   node scripts/kafka.mjs reset    stop and delete the data dir (keeps the jars)
//
// Everything lives under <repo>/.local/kafka (git-ignored). Env: KAFKA_PORT (default 9092),
// KAFKA_CONTROLLER_PORT (default 9093). Requires Java 17+ and Maven (`mvn`) on PATH.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fetchKafka } from './kafka/fetch-jars.mjs';
import { say } from './kafka/shell.mjs';
import { resetKafka, startKafka, stopKafka } from './kafka/start-stop.mjs';
import { kafkaStatus, waitForKafka } from './kafka/status.mjs';

export { brokerPid } from './kafka/broker-process.mjs';
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
      const text = {
        running: `running (pid ${st.pid}) at ${st.brokers}`,
        starting: `starting (pid ${st.pid}), ${st.brokers} not accepting connections yet`,
        external: `${st.brokers} is served by a process not started from this checkout; using the existing broker there`,
        stopped: 'stopped',
      }[st.state];
      say(text);
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
      console.error('usage: node scripts/kafka.mjs <fetch|start|stop|status|wait|reset>');
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
      console.error(`kafka: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
