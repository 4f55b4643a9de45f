// Fetches the broker jars (Kafka + log4j) with Maven into .local/kafka/libs.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isOurBroker, readPid } from './broker-process.mjs';
import { everyKnownNode } from './settings.mjs';
import { checkJava } from './java.mjs';
import { HOME, LIBS, LIBS_MARKER, POM, ROOT } from './paths.mjs';
import { run, say, secs, tail } from './shell.mjs';

function pomInfo() {
  let pom;
  try {
    pom = fs.readFileSync(POM, 'utf8');
  } catch {
    throw new Error(`missing ${path.relative(ROOT, POM)}`);
  }
  const version = pom.match(/<kafka\.version>\s*([^<\s]+)\s*<\/kafka\.version>/)?.[1];
  const scala = pom.match(/<artifactId>\s*kafka_(\d+\.\d+)\s*<\/artifactId>/)?.[1];
  if (!version || !scala)
    throw new Error(`could not read the Kafka version from ${path.relative(ROOT, POM)}`);
  const hash = crypto.createHash('sha256').update(pom).digest('hex');
  return { version, scala, jar: `kafka_${scala}-${version}.jar`, hash };
}

function jarsUpToDate(info = pomInfo()) {
  if (!fs.existsSync(path.join(LIBS, info.jar))) return false;
  try {
    return fs.readFileSync(LIBS_MARKER, 'utf8').trim() === info.hash;
  } catch {
    return false;
  }
}

/**
 * Downloads the broker jars (Kafka + log4j) into .local/kafka/libs with Maven, unless they are
 * already there for the current infra/kafka/pom.xml (a marker holds the pom's hash, so a version
 * bump refetches).
 * @param {{force?: boolean}} [opts]
 * @returns {Promise<{fetched: boolean, version: string}>}
 */
export async function fetchKafka({ force = false } = {}) {
  const info = pomInfo();
  if (!force && jarsUpToDate(info)) return { fetched: false, version: info.version };

  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8', cwd: ROOT });
  if (mvn.error) {
    throw new Error(
      'Java 17+ and Maven (`mvn`) are needed to fetch the Kafka broker jars; install them (e.g. apt-get install openjdk-17-jdk-headless maven) and retry',
    );
  }
  checkJava();
  if (fs.existsSync(LIBS) && everyKnownNode().some((node) => isOurBroker(readPid(node)))) {
    throw new Error(
      'the broker jars need refetching but the broker is running; run `node scripts/kafka.mjs stop` first',
    );
  }

  const why = fs.existsSync(LIBS) ? `${path.relative(ROOT, POM)} changed` : 'first run only';
  say(`fetching broker jars for Kafka ${info.version} (${why})…`);
  const t0 = Date.now();
  const tmp = `${LIBS}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(HOME, { recursive: true });
  const res = await run('mvn', [
    '-q',
    '-B',
    '-f',
    POM,
    'dependency:copy-dependencies',
    `-DoutputDirectory=${tmp}`,
    '-DincludeScope=runtime',
  ]);
  if (res.code !== 0 || !fs.existsSync(path.join(tmp, info.jar))) {
    fs.rmSync(tmp, { recursive: true, force: true });
    const detail = tail(`${res.stdout}\n${res.stderr}`, 20);
    throw new Error(
      `Maven could not fetch the Kafka jars (exit ${res.code})${detail ? `\n${detail}` : ''}`,
    );
  }
  fs.writeFileSync(path.join(tmp, '.fetched'), `${info.hash}\n`);
  fs.rmSync(LIBS, { recursive: true, force: true });
  fs.renameSync(tmp, LIBS);
  say(
    `fetched ${fs.readdirSync(LIBS).filter((f) => f.endsWith('.jar')).length} jars in ${secs(Date.now() - t0)}`,
  );
  return { fetched: true, version: info.version };
}
