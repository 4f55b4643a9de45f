// Formats the KRaft storage directory on a broker's very first start.
import fs from 'node:fs';
import path from 'node:path';
import { javaBin, jvmLogArgs } from './java.mjs';
import { CLASSPATH, DATA, PROPS_FILE } from './paths.mjs';
import { run, say, tail } from './shell.mjs';

export async function formatStorageIfNeeded() {
  if (fs.existsSync(path.join(DATA, 'meta.properties'))) return false;
  say('formatting storage (first start)…');
  const java = javaBin();
  const uuid = await run(java, [
    ...jvmLogArgs(),
    '-cp',
    CLASSPATH,
    'kafka.tools.StorageTool',
    'random-uuid',
  ]);
  const clusterId = uuid.stdout.trim().split('\n').pop()?.trim();
  if (uuid.code !== 0 || !clusterId) {
    throw new Error(
      `kafka StorageTool random-uuid failed (exit ${uuid.code})\n${tail(`${uuid.stdout}\n${uuid.stderr}`)}`,
    );
  }
  fs.mkdirSync(DATA, { recursive: true });
  // No --standalone: it is rejected together with the static controller.quorum.voters.
  const fmt = await run(java, [
    ...jvmLogArgs(),
    '-cp',
    CLASSPATH,
    'kafka.tools.StorageTool',
    'format',
    '-t',
    clusterId,
    '-c',
    PROPS_FILE,
  ]);
  if (fmt.code !== 0) {
    throw new Error(
      `kafka StorageTool format failed (exit ${fmt.code})\n${tail(`${fmt.stdout}\n${fmt.stderr}`)}`,
    );
  }
  return true;
}
