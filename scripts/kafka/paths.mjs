// Where the local broker lives: everything under <repo>/.local/kafka (git-ignored), the jars' pom under infra/kafka.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const POM = path.join(ROOT, 'infra', 'kafka', 'pom.xml');
export const HOME = path.join(ROOT, '.local', 'kafka');
export const LIBS = path.join(HOME, 'libs');
export const LIBS_MARKER = path.join(LIBS, '.fetched');
export const DATA = path.join(HOME, 'data');
export const PID_FILE = path.join(HOME, 'broker.pid');
export const LOG_FILE = path.join(HOME, 'broker.log');
export const PREV_LOG_FILE = path.join(HOME, 'broker.prev.log');
export const PROPS_FILE = path.join(HOME, 'server.properties');
export const LOG4J_FILE = path.join(HOME, 'log4j2.properties');
export const LOCK_FILE = path.join(HOME, 'start.lock');
export const CLASSPATH = `${LIBS}${path.sep}*`;
