// docker-compose.yml, checked without a Docker engine: parsed with a YAML parser, interpolated as compose would with
// a .env from infra/docker/generate-env.mjs, validated against the compose specification's JSON schema and against
// the apps' own settings schemas. Each check also runs on a broken copy of the stack, to show that it can fail.
import { describe, expect, it } from 'vitest';
import {
  connectionProblems,
  dependencyProblems,
  dockerignoreProblems,
  healthcheckProblems,
  imageProblems,
  kafkaProblems,
  migrationProblems,
  replicaProblems,
  requiredSettingProblems,
  schemaProblems,
  secretProblems,
  settingValueProblems,
  topicProblems,
  trustBoundaryProblems,
  unknownSettingProblems,
} from './compose-checks.js';
import {
  environmentOf,
  loadCompose,
  type ComposeService,
  type LoadedCompose,
} from './compose-file.js';
import { interpolate, InterpolationError, type VariableReference } from './interpolate.js';
import { describeCheckCases, type CheckCase } from '../support/check-cases.js';

const stack = loadCompose();

function service(broken: LoadedCompose, name: string): ComposeService {
  const found = broken.resolved.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
}

/** Sets (or, with undefined, removes) one variable of a service's environment. */
function setEnvironment(
  broken: LoadedCompose,
  name: string,
  variable: string,
  value: string | undefined,
) {
  const target = service(broken, name);
  const environment: Record<string, string> = environmentOf(target);
  if (value === undefined) delete environment[variable];
  else environment[variable] = value;
  target.environment = environment;
}

const cases: Record<string, CheckCase<LoadedCompose>> = {
  'the compose specification schema': {
    check: schemaProblems,
    breakage: 'a service has a misspelt key',
    breakIt: (broken) => Object.assign(service(broken, 'order'), { healthchek: {} }),
  },
  'health checks': {
    check: healthcheckProblems,
    breakage: "order's health check is gone",
    breakIt: (broken) => delete service(broken, 'order').healthcheck,
  },
  depends_on: {
    check: dependencyProblems,
    breakage: 'web waits for a service that does not exist',
    breakIt: (broken) =>
      (service(broken, 'web').depends_on = { gatewy: { condition: 'service_healthy' } }),
  },
  'migrations before start': {
    check: migrationProblems,
    breakage: 'payment no longer waits for its migration',
    breakIt: (broken) =>
      (service(broken, 'payment').depends_on = {
        'kafka-topics': { condition: 'service_completed_successfully' },
      }),
  },
  topics: {
    check: topicProblems,
    breakage: 'a topic of the design is not created',
    breakIt: (broken) =>
      setEnvironment(broken, 'kafka-topics', 'TOPICS', 'order.created payment.completed'),
  },
  'the Kafka broker': {
    check: kafkaProblems,
    breakage: 'the offsets topic wants three replicas on one broker',
    breakIt: (broken) =>
      setEnvironment(broken, 'kafka', 'KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR', '3'),
  },
  'payment replicas': {
    check: replicaProblems,
    breakage: 'payment runs once',
    breakIt: (broken) => delete service(broken, 'payment').deploy,
  },
  images: {
    check: imageProblems,
    breakage: "order's build arg names no app",
    breakIt: (broken) =>
      (service(broken, 'order').build = {
        context: '.',
        dockerfile: 'infra/docker/node-app.Dockerfile',
        target: 'service',
        args: { APP: 'orders' },
      }),
  },
  'required settings': {
    check: requiredSettingProblems,
    breakage: 'auth lacks its key id',
    breakIt: (broken) => setEnvironment(broken, 'auth', 'JWT_KEY_ID', undefined),
  },
  'unknown settings': {
    check: unknownSettingProblems,
    breakage: "the gateway is handed auth's private key",
    breakIt: (broken) => setEnvironment(broken, 'gateway', 'JWT_PRIVATE_KEY_PEM_BASE64', 'LS0t'),
  },
  'setting values': {
    check: settingValueProblems,
    breakage: "order's HOST is left to its default, 127.0.0.1",
    breakIt: (broken) => setEnvironment(broken, 'order', 'HOST', undefined),
  },
  connections: {
    check: connectionProblems,
    breakage: "the gateway's PAYMENT_URL has the wrong port",
    breakIt: (broken) => setEnvironment(broken, 'gateway', 'PAYMENT_URL', 'http://payment:4002'),
  },
  'trust boundaries': {
    check: trustBoundaryProblems,
    breakage: 'order publishes its port, so callers can bypass the gateway',
    breakIt: (broken) => (service(broken, 'order').ports = ['4002:4002']),
  },
  'trust boundaries (secrets)': {
    check: trustBoundaryProblems,
    breakage: 'payment is given a GATEWAY_SECRET of its own',
    breakIt: (broken) =>
      setEnvironment(broken, 'payment', 'GATEWAY_SECRET', 'another-secret-of-more-than-32-characters'),
  },
  secrets: {
    check: secretProblems,
    breakage: 'a password is written into the compose file',
    breakIt: (broken) => {
      const postgres = broken.raw.services.postgres as ComposeService;
      postgres.environment = { ...environmentOf(postgres), POSTGRES_PASSWORD: 'hunter2hunter2' };
    },
  },
  '.dockerignore': {
    check: dockerignoreProblems,
    breakage: 'the build context takes .env along',
    breakIt: (broken) =>
      (broken.files['.dockerignore'] = broken.files['.dockerignore'].replace(/^\.env$/m, '')),
  },
};

describe('docker-compose.yml', () => {
  describeCheckCases(cases, stack);

  it('refuses to interpolate without the required secrets, as compose would', () => {
    const references: VariableReference[] = [];
    expect(() =>
      interpolate('${NEXTAUTH_SECRET:?is not set}', { NEXTAUTH_SECRET: '' }, references),
    ).toThrow(InterpolationError);
    expect(interpolate('$${TOPICS} ${PORT:-4000} ${HOST-x}', { HOST: '' }, references)).toBe(
      '${TOPICS} 4000 ',
    );
    expect(references.map((reference) => reference.name)).toEqual([
      'NEXTAUTH_SECRET',
      'PORT',
      'HOST',
    ]);
  });

  it('the unmodified .env.example leaves compose without its secrets', () => {
    const required = stack.references
      .filter((reference) => reference.required)
      .map((reference) => reference.name);
    expect(required).toContain('JWT_PRIVATE_KEY_PEM_BASE64');
    expect(required.filter((name) => stack.exampleVariables[name] === '').length).toBeGreaterThan(
      0,
    );
  });
});
