// The JVM the broker and its tools run on.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { LOG4J_FILE } from './paths.mjs';

const MIN_JAVA = 17;

export function javaBin() {
  const home = process.env.JAVA_HOME;
  if (home) {
    const bin = path.join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
    if (fs.existsSync(bin)) return bin;
  }
  return 'java';
}

/** Throws one clear line unless `java` is 17+. */
export function checkJava() {
  const res = spawnSync(javaBin(), ['-version'], { encoding: 'utf8' });
  if (res.error) {
    throw new Error(
      `Java ${MIN_JAVA}+ is needed to run Kafka, but \`java\` was not found on PATH (install e.g. openjdk-17-jre-headless)`,
    );
  }
  const out = `${res.stderr}${res.stdout}`;
  const m = out.match(/version "(\d+)(?:\.(\d+))?/);
  if (!m)
    throw new Error(
      `could not determine the Java version from \`java -version\`: ${out.split('\n')[0]}`,
    );
  const major = m[1] === '1' ? Number(m[2]) : Number(m[1]);
  if (major < MIN_JAVA) {
    throw new Error(
      `Java ${MIN_JAVA}+ is needed to run Kafka, but \`java\` is version ${major} (set JAVA_HOME or PATH to a newer JDK)`,
    );
  }
  return major;
}

export const jvmLogArgs = () => [`-Dlog4j2.configurationFile=${LOG4J_FILE}`, '-Djava.awt.headless=true'];
