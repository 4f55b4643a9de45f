import net from 'node:net';
import { StepError } from './run.mjs';

const postgresStartHint = "start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";
const redisStartHint =
  "start it with: redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save '' --appendonly no";

async function checkPostgres(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new StepError(
      `PostgreSQL is not reachable at POSTGRES_URL=${redact(url)} (${error.code ?? error.message}); ${postgresStartHint}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

function checkRedis(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const fail = (why) => {
      socket.destroy();
      reject(new StepError(`Redis is not reachable at REDIS_URL=${url} (${why}); ${redisStartHint}`));
    };
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(3000, () => fail('no answer within 3 s'));
    socket.on('error', (error) => fail(error.code ?? error.message));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      socket.end();
      const answer = data.toString();
      if (answer.startsWith('+PONG') || answer.startsWith('-NOAUTH')) resolve();
      else fail(`unexpected answer ${JSON.stringify(answer.slice(0, 40))}`);
    });
  });
}

function redact(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** Fails fast, with one line naming the setting and how to start the server, when PostgreSQL or Redis is down. */
export async function checkDataServers(settings) {
  await Promise.all([checkPostgres(settings.postgresUrl), checkRedis(settings.redisUrl)]);
}
