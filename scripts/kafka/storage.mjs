// Formats the KRaft storage directory on a broker's very first start. The nodes of a cluster share one cluster id:
// a node formatted later (its directory deleted) takes the id its peers already have.
import fs from 'node:fs';
import path from 'node:path';
import { javaBin, jvmLogArgs } from './java.mjs';
import { CLASSPATH } from './paths.mjs';
import { run, say, tail } from './shell.mjs';

const isFormatted = (node) => fs.existsSync(path.join(node.data, 'meta.properties'));

function clusterIdOf(node) {
  try {
    return fs.readFileSync(path.join(node.data, 'meta.properties'), 'utf8').match(/^cluster\.id=(.+)$/m)?.[1]?.trim();
  } catch {
    return undefined;
  }
}

async function newClusterId() {
  const uuid = await run(javaBin(), [...jvmLogArgs(), '-cp', CLASSPATH, 'kafka.tools.StorageTool', 'random-uuid']);
  const clusterId = uuid.stdout.trim().split('\n').pop()?.trim();
  if (uuid.code !== 0 || !clusterId) {
    throw new Error(
      `kafka StorageTool random-uuid failed (exit ${uuid.code})\n${tail(`${uuid.stdout}\n${uuid.stderr}`)}`,
    );
  }
  return clusterId;
}

/** Formats every node of `nodes` not formatted yet (their server.properties written already). */
export async function formatStorageIfNeeded(nodes) {
  const unformatted = nodes.filter((node) => !isFormatted(node));
  if (unformatted.length === 0) return false;
  say(`formatting storage of ${unformatted.length === 1 && !unformatted[0].cluster ? 'the broker' : `node(s) ${unformatted.map((node) => node.id).join(', ')}`} (first start)…`);
  const clusterId = nodes.map(clusterIdOf).find(Boolean) ?? (await newClusterId());
  for (const node of unformatted) {
    fs.mkdirSync(node.data, { recursive: true });
    // No --standalone: it is rejected together with the static controller.quorum.voters.
    const fmt = await run(javaBin(), [
      ...jvmLogArgs(),
      '-cp',
      CLASSPATH,
      'kafka.tools.StorageTool',
      'format',
      '-t',
      clusterId,
      '-c',
      node.propsFile,
    ]);
    if (fmt.code !== 0) {
      throw new Error(
        `kafka StorageTool format failed for node ${node.id} (exit ${fmt.code})\n${tail(`${fmt.stdout}\n${fmt.stderr}`)}`,
      );
    }
  }
  return true;
}
