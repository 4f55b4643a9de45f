import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import {
  allTopics,
  databaseNames,
  deadLetterTopicOf,
  defaultPartitions,
  jwksPath,
  serviceNames,
} from '@food/contracts';
import { parseEnv } from '@food/service-kit';
import { generateSecrets } from '../../infra/docker/generate-env.mjs';
import { appSettings, requiredSettings } from './app-settings.js';
import {
  buildOf,
  commandOf,
  dependenciesOf,
  environmentOf,
  isOneShot,
  networksOf,
  repoRoot,
  type ComposeFile,
  type ComposeService,
  type LoadedCompose,
} from './compose-file.js';
import { dockerfileStages, instructionsOfTarget } from './dockerfile-stages.js';

/** A check of the stack: the problems it finds, one line each; none when the stack is right. */
export type ComposeCheck = (stack: LoadedCompose) => string[];

const servicesOf = (compose: ComposeFile) => Object.entries(compose.services ?? {});

/** The containers that run one of the repository's apps (they are built from it), and the app's settings. */
function appContainers(compose: ComposeFile) {
  return servicesOf(compose).flatMap(([name, service]) => {
    const app = buildOf(service)?.args.APP;
    const settings = app === undefined ? undefined : appSettings[app];
    if (app === undefined || !settings) return [];
    const job = commandOf(service)?.includes('dist/migrate.js')
      ? ('migrate' as const)
      : ('server' as const);
    const schema = job === 'migrate' ? settings.migrate : settings.server;
    return [{ name, service, app, job, settings, schema, environment: environmentOf(service) }];
  });
}

const composeSpecValidator = (() => {
  // The official compose-spec schema (compose-spec/compose-spec, Apache-2.0), as the dclint package ships it.
  const dclintDir = path.dirname(createRequire(import.meta.url).resolve('dclint/package.json'));
  // Its $schema names draft-07 by an https URI that ajv does not know; draft-07 is ajv's own default anyway.
  const { $schema: _draft07, ...schema } = JSON.parse(
    readFileSync(path.join(dclintDir, 'schemas/compose.schema.json'), 'utf8'),
  ) as Record<string, unknown>;
  // strict off: the schema is third-party (draft-07 with union types); strictness is about writing schemas.
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
})();

/** The interpolated file is valid against the compose specification's JSON schema. */
export const schemaProblems: ComposeCheck = ({ resolved }) =>
  composeSpecValidator(resolved)
    ? []
    : (composeSpecValidator.errors ?? []).map(
        (error) =>
          `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
      );

const expectedHealthPath = (app: string) =>
  app === 'gateway' ? '/health' : app === 'web' ? '/' : `/trpc/${app}.health`;

/** Every long-running container has a health check; an app's asks the app's own health endpoint. */
export const healthcheckProblems: ComposeCheck = ({ resolved }) => {
  const problems = servicesOf(resolved)
    .filter(([, service]) => !isOneShot(service))
    .filter(([, service]) => {
      const test = service.healthcheck?.test;
      return (
        service.healthcheck?.disable ||
        !test ||
        test.length === 0 ||
        (Array.isArray(test) && test[0] === 'NONE')
      );
    })
    .map(([name]) => `${name} has no health check`);
  for (const { name, service, app, job } of appContainers(resolved)) {
    if (job !== 'server') continue;
    const test = [service.healthcheck?.test ?? []].flat().join(' ');
    if (!test.includes(`'${expectedHealthPath(app)}'`)) {
      problems.push(`${name}'s health check does not ask ${expectedHealthPath(app)}`);
    }
  }
  return problems;
};

const conditions = ['service_started', 'service_healthy', 'service_completed_successfully'];

/** depends_on names existing services, waits for health only where there is one, and for jobs to finish. */
export const dependencyProblems: ComposeCheck = ({ resolved }) => {
  const services = resolved.services ?? {};
  const problems: string[] = [];
  const awaitedJobs = new Set<string>();
  for (const [name, service] of servicesOf(resolved)) {
    for (const [target, condition] of Object.entries(dependenciesOf(service))) {
      const dependency = services[target];
      if (!dependency) {
        problems.push(`${name} depends on ${target}, which is not a service`);
        continue;
      }
      if (!conditions.includes(condition))
        problems.push(`${name} waits for ${target} with unknown condition ${condition}`);
      if (
        condition === 'service_healthy' &&
        (isOneShot(dependency) || !dependency.healthcheck?.test)
      ) {
        problems.push(
          `${name} waits for ${target} to be healthy, but ${target} has no health check`,
        );
      }
      if (condition === 'service_completed_successfully') {
        if (isOneShot(dependency)) awaitedJobs.add(target);
        else
          problems.push(
            `${name} waits for ${target} to complete, but ${target} is not a one-shot job`,
          );
      }
      if (!isOneShot(service) && !isOneShot(dependency) && condition !== 'service_healthy') {
        problems.push(`${name} should wait for ${target} with condition service_healthy`);
      }
    }
  }
  for (const [name, service] of servicesOf(resolved)) {
    if (isOneShot(service) && !awaitedJobs.has(name))
      problems.push(`one-shot job ${name} is awaited by no service`);
  }
  return problems;
};

function sameJson(a: unknown, b: unknown) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Each service's migrations run once, before it starts: a one-shot `<service>-migrate` job with the service's image
 * and database, after PostgreSQL is healthy; the database is the service's own, created by the init script.
 */
export const migrationProblems: ComposeCheck = ({ resolved, files }) => {
  const services = resolved.services ?? {};
  const initScript = files['infra/docker/postgres/init-databases.sh'];
  const problems: string[] = [];
  for (const name of serviceNames) {
    const service = services[name];
    const job = services[`${name}-migrate`];
    if (!service || !job) {
      problems.push(`${name} or ${name}-migrate is missing`);
      continue;
    }
    const jobName = `${name}-migrate`;
    if (!isOneShot(job)) problems.push(`${jobName} is not a one-shot job (restart: "no")`);
    if (!sameJson(commandOf(job), ['node', 'dist/migrate.js']))
      problems.push(`${jobName} does not run node dist/migrate.js`);
    if (!sameJson(buildOf(job), buildOf(service)) || job.image !== service.image) {
      problems.push(`${jobName} does not run ${name}'s image`);
    }
    if (dependenciesOf(service)[jobName] !== 'service_completed_successfully') {
      problems.push(`${name} does not wait for ${jobName} to complete successfully`);
    }
    if (dependenciesOf(job).postgres !== 'service_healthy')
      problems.push(`${jobName} does not wait for a healthy postgres`);
    const databaseUrl = environmentOf(job).DATABASE_URL ?? '';
    if (databaseUrl !== environmentOf(service).DATABASE_URL)
      problems.push(`${jobName} migrates another database than ${name} uses`);
    const url = URL.canParse(databaseUrl) ? new URL(databaseUrl) : undefined;
    if (url?.hostname !== 'postgres' || url.pathname !== `/${databaseNames[name]}`) {
      problems.push(`${name}'s DATABASE_URL is not postgres:…/${databaseNames[name]}`);
    } else if (
      !new RegExp(`^create_service_database ${databaseNames[name]} ${url.username} `, 'm').test(
        initScript,
      )
    ) {
      problems.push(
        `init-databases.sh does not create ${databaseNames[name]} owned by ${url.username}`,
      );
    }
  }
  return problems;
};

/** The design's topics are created, with the design's partition count, before any service that uses Kafka starts. */
export const topicProblems: ComposeCheck = ({ resolved }) => {
  const job = resolved.services?.['kafka-topics'];
  if (!job) return ['there is no kafka-topics job'];
  const problems: string[] = [];
  const environment = environmentOf(job);
  const topics = (environment.TOPICS ?? '').split(/\s+/).filter(Boolean).sort();
  if (!sameJson(topics, [...allTopics].sort())) {
    problems.push(
      `kafka-topics creates ${topics.join(', ')}; packages/contracts lists ${[...allTopics].sort().join(', ')}`,
    );
  }
  if (environment.PARTITIONS !== String(defaultPartitions))
    problems.push(
      `kafka-topics makes ${environment.PARTITIONS} partitions, not ${defaultPartitions}`,
    );
  const script = [job.command ?? []].flat().join(' ');
  for (const part of [
    'kafka-topics.sh',
    '--create',
    '--if-not-exists',
    '$TOPICS',
    '--partitions "$PARTITIONS"',
  ]) {
    if (!script.includes(part)) problems.push(`kafka-topics's command lacks ${part}`);
  }
  if (!isOneShot(job)) problems.push('kafka-topics is not a one-shot job');
  for (const name of Object.keys(deadLetterTopicOf)) {
    const service = resolved.services?.[name];
    if (service && dependenciesOf(service)['kafka-topics'] !== 'service_completed_successfully') {
      problems.push(`${name} uses Kafka but does not wait for kafka-topics`);
    }
  }
  return problems;
};

/** The broker runs the version the project tests against, with the settings a single-node KRaft cluster needs. */
export const kafkaProblems: ComposeCheck = ({ resolved, files }) => {
  const kafka = resolved.services?.kafka;
  if (!kafka) return ['there is no kafka service'];
  const problems: string[] = [];
  const version = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(
    files['infra/kafka/pom.xml'],
  )?.[1];
  if (kafka.image !== `apache/kafka:${version}`)
    problems.push(`kafka runs ${kafka.image}; infra/kafka/pom.xml pins ${version}`);
  if (resolved.services?.['kafka-topics']?.image !== kafka.image)
    problems.push('kafka-topics uses another image than kafka');
  const environment = environmentOf(kafka);
  const singleNode: Record<string, string> = {
    KAFKA_PROCESS_ROLES: 'broker,controller',
    KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
    KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
    KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
    KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
  };
  for (const [name, value] of Object.entries(singleNode)) {
    if (environment[name] !== value)
      problems.push(`kafka's ${name} is ${environment[name]}, not ${value}`);
  }
  const clusterId = environment.CLUSTER_ID ?? '';
  if (
    Buffer.from(clusterId, 'base64url').length !== 16 ||
    Buffer.from(clusterId, 'base64url').toString('base64url') !== clusterId
  ) {
    problems.push(`kafka's CLUSTER_ID ${clusterId} is not a base64url UUID`);
  }
  return problems;
};

/** payment runs twice, sharing its consumer group's partitions. */
export const replicaProblems: ComposeCheck = ({ resolved }) => {
  const replicas = resolved.services?.payment?.deploy?.replicas;
  return replicas === 2 ? [] : [`payment has ${replicas ?? 1} replicas, not 2`];
};

/**
 * Every built image comes from an existing Dockerfile stage for an existing app, runs as the unprivileged `node`
 * user in production mode, and every app of the repository runs in the stack.
 */
export const imageProblems: ComposeCheck = ({ resolved }) => {
  const problems: string[] = [];
  const builtApps = new Set<string>();
  for (const [name, service] of servicesOf(resolved)) {
    const build = buildOf(service);
    if (!build) continue;
    const dockerfile = path.join(repoRoot, build.context, build.dockerfile);
    if (!existsSync(dockerfile)) {
      problems.push(`${name}'s Dockerfile ${build.dockerfile} does not exist`);
      continue;
    }
    const app = build.args.APP ?? '';
    const manifest = path.join(repoRoot, 'apps', app, 'package.json');
    if (!app || !existsSync(manifest)) {
      problems.push(`${name}'s build arg APP=${app} names no app under apps/`);
      continue;
    }
    builtApps.add(app);
    if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name !== `@food/${app}`) {
      problems.push(
        `apps/${app} is not the package @food/${app}, which the Dockerfile prunes and builds`,
      );
    }
    const stages = dockerfileStages(readFileSync(dockerfile, 'utf8'));
    const target = build.target ?? [...stages.keys()].at(-1) ?? '';
    if (!stages.has(target)) {
      problems.push(`${name}'s build target ${target} is not a stage of ${build.dockerfile}`);
      continue;
    }
    if ((target === 'web') !== (app === 'web'))
      problems.push(`${name} builds APP=${app} with target ${target}`);
    const instructions = instructionsOfTarget(stages, target);
    if (
      instructions.filter((instruction) => instruction.keyword === 'USER').at(-1)?.value !== 'node'
    ) {
      problems.push(`${name}'s image does not run as the node user`);
    }
    if (
      !instructions.some(
        (instruction) =>
          instruction.keyword === 'ENV' && /\bNODE_ENV=production\b/.test(instruction.value),
      )
    ) {
      problems.push(`${name}'s image does not set NODE_ENV=production`);
    }
    const script = commandOf(service)?.includes('dist/migrate.js')
      ? 'migrate'
      : target === 'service'
        ? 'main'
        : undefined;
    if (script && !existsSync(path.join(repoRoot, 'apps', app, 'src', `${script}.ts`))) {
      problems.push(`${name} runs dist/${script}.js, but apps/${app} has no src/${script}.ts`);
    }
  }
  const apps = readdirSync(path.join(repoRoot, 'apps')).filter((app) =>
    existsSync(path.join(repoRoot, 'apps', app, 'package.json')),
  );
  for (const app of apps) {
    if (!builtApps.has(app)) problems.push(`no container runs apps/${app}`);
    if (!appSettings[app])
      problems.push(`test/compose/app-settings.ts does not know apps/${app}'s settings`);
  }
  return problems;
};

/** Each app container sets every setting its schema requires (no default, not optional). */
export const requiredSettingProblems: ComposeCheck = ({ resolved }) =>
  appContainers(resolved).flatMap(({ name, schema, environment }) =>
    schema
      ? requiredSettings(schema)
          .filter((setting) => !environment[setting])
          .map((setting) => `${name} does not set ${setting}`)
      : [],
  );

/** Each app container sets only what its app reads: no misspelt setting, and no secret where it is not used. */
export const unknownSettingProblems: ComposeCheck = ({ resolved }) =>
  appContainers(resolved).flatMap(({ name, app, job, schema, settings, environment }) => {
    if (!schema) return [`${name} runs ${job} of ${app}, which has none`];
    const known = new Set([...Object.keys(schema.shape), ...(settings.readElsewhere ?? [])]);
    return Object.keys(environment)
      .filter((setting) => !known.has(setting))
      .map((setting) => `${name} sets ${setting}, which ${app}'s settings do not read`);
  });

const loopback = /\b127\.\d+\.\d+\.\d+\b|\blocalhost\b|(?<![\w:])::1(?![\w:])/i;
/** Browsers, not containers, use this address: it may well be localhost. */
const browserFacingSettings = new Set(['NEXTAUTH_URL']);

/**
 * Each app container's environment parses with the app's schema (secrets as generate-env.mjs makes them), and no
 * long-running container resolves a setting to a loopback address: in a container that is the container itself.
 */
export const settingValueProblems: ComposeCheck = ({ resolved }) =>
  appContainers(resolved).flatMap(({ name, job, schema, environment }) => {
    if (!schema) return [];
    let parsed: Record<string, unknown>;
    try {
      parsed = parseEnv(schema, environment) as Record<string, unknown>;
    } catch (error) {
      return [`${name}: ${(error as Error).message}`];
    }
    if (job !== 'server') return [];
    return Object.entries(parsed)
      .filter(
        ([setting, value]) =>
          !browserFacingSettings.has(setting) && loopback.test(JSON.stringify(value)),
      )
      .map(
        ([setting, value]) =>
          `${name}'s ${setting} resolves to ${JSON.stringify(value)}, a loopback address`,
      );
  });

const hostPortPattern = /(?:^|[/@,\s])([a-z][\w-]*):(\d+)/g;

/**
 * Apps bind 0.0.0.0; the gateway's upstreams and every JWKS URL name the right service and port; every
 * `service:port` a container is given is a service on a network they share, at the port it listens on.
 */
export const connectionProblems: ComposeCheck = ({ resolved }) => {
  const services = resolved.services ?? {};
  const portOf = (name: string) => {
    const service = services[name];
    if (!service) return undefined;
    if (name === 'kafka')
      return /PLAINTEXT:\/\/kafka:(\d+)/.exec(
        environmentOf(service).KAFKA_ADVERTISED_LISTENERS ?? '',
      )?.[1];
    return environmentOf(service).PORT;
  };
  const problems: string[] = [];
  for (const { name, app, job, environment } of appContainers(resolved)) {
    if (job === 'server' && app !== 'web' && environment.HOST !== '0.0.0.0')
      problems.push(`${name} does not bind HOST=0.0.0.0`);
    if (
      environment.AUTH_JWKS_URL !== undefined &&
      environment.AUTH_JWKS_URL !== `http://auth:${portOf('auth')}${jwksPath}`
    ) {
      problems.push(`${name}'s AUTH_JWKS_URL is not auth's JWKS`);
    }
  }
  const gateway = environmentOf(services.gateway ?? {});
  for (const service of serviceNames) {
    const setting = `${service.toUpperCase()}_URL`;
    if (gateway[setting] !== `http://${service}:${portOf(service)}`)
      problems.push(`the gateway's ${setting} is not ${service}'s address`);
  }
  if (environmentOf(services.web ?? {}).GATEWAY_URL !== `http://gateway:${portOf('gateway')}`) {
    problems.push("web's GATEWAY_URL is not the gateway's address");
  }
  for (const [name, service] of servicesOf(resolved)) {
    const networks = Object.keys(networksOf(service));
    for (const [setting, value] of Object.entries(environmentOf(service))) {
      for (const [, host = '', port] of value.matchAll(hostPortPattern)) {
        const target = services[host];
        if (!target) continue;
        if (!Object.keys(networksOf(target)).some((network) => networks.includes(network))) {
          problems.push(`${name}'s ${setting} names ${host}, which shares no network with it`);
        }
        const listening = portOf(host);
        if (listening !== undefined && listening !== port)
          problems.push(`${name}'s ${setting} names ${host}:${port}; it listens on ${listening}`);
      }
    }
  }
  return problems;
};

/** The containers allowed to publish ports (always on 127.0.0.1): the console, the API's one door, Jaeger's UI. */
const publishedServices = new Set(['web', 'gateway', 'jaeger']);

/**
 * The trust boundaries (docs/gateway.md): who may set which header is decided by shared secrets, not addresses, so
 * the gateway and every service share GATEWAY_SECRET, web and the gateway share PROXY_SECRET, the two differ; only web,
 * the gateway and Jaeger's UI publish ports, each on 127.0.0.1; the services sit on internal networks only.
 */
export const trustBoundaryProblems: ComposeCheck = ({ resolved }) => {
  const services = resolved.services ?? {};
  const networks = resolved.networks ?? {};
  const problems: string[] = [];
  const gateway = environmentOf(services.gateway ?? {});
  if (!gateway.GATEWAY_SECRET) problems.push('the gateway has no GATEWAY_SECRET');
  if (!gateway.PROXY_SECRET) problems.push('the gateway has no PROXY_SECRET');
  if (gateway.GATEWAY_SECRET && gateway.GATEWAY_SECRET === gateway.PROXY_SECRET)
    problems.push('GATEWAY_SECRET and PROXY_SECRET are the same secret');
  for (const { name, app, job, environment } of appContainers(resolved)) {
    if (job !== 'server') continue;
    if (app !== 'web' && app !== 'gateway' && environment.GATEWAY_SECRET !== gateway.GATEWAY_SECRET)
      problems.push(`${name} does not share the gateway's GATEWAY_SECRET`);
    if (app === 'web' && environment.PROXY_SECRET !== gateway.PROXY_SECRET)
      problems.push(`${name} does not share the gateway's PROXY_SECRET`);
    if (app !== 'web' && app !== 'gateway') {
      const open = Object.keys(networksOf(services[name] ?? {})).filter((network) => !networks[network]?.internal);
      if (open.length > 0) problems.push(`${name} is on ${open.join(', ')}, which is not internal`);
    }
  }
  for (const [name, service] of servicesOf(resolved)) {
    for (const port of service.ports ?? []) {
      const published = typeof port === 'string' ? port : JSON.stringify(port);
      if (!publishedServices.has(name)) problems.push(`${name} publishes ${published}`);
      else if (!/^127\.0\.0\.1:/.test(published) && (port as { host_ip?: string }).host_ip !== '127.0.0.1')
        problems.push(`${name} publishes ${published} beyond 127.0.0.1`);
    }
  }
  return problems;
};

const secretNamePattern = /PASSWORD|SECRET|PRIVATE_KEY/;

/**
 * Secrets come only from .env: every variable the file uses is documented in .env.example, whose secrets are empty
 * and are exactly what generate-env.mjs fills; no secret is written into the compose file; .env is ignored by git.
 */
export const secretProblems: ComposeCheck = ({ raw, references, exampleVariables, files }) => {
  const problems: string[] = [];
  for (const { name } of references) {
    if (!(name in exampleVariables))
      problems.push(`docker-compose.yml uses ${name}, which .env.example does not document`);
  }
  const generated = Object.keys(generateSecrets());
  for (const [name, value] of Object.entries(exampleVariables)) {
    if (value === '' && !generated.includes(name))
      problems.push(`.env.example leaves ${name} empty, and generate-env.mjs does not fill it`);
  }
  for (const name of generated) {
    if (exampleVariables[name] !== '')
      problems.push(`.env.example gives the secret ${name} a value`);
    if (!references.some((reference) => reference.name === name && reference.required)) {
      problems.push(`docker-compose.yml does not require ${name} with \${${name}:?…}`);
    }
  }
  for (const [serviceName, service] of servicesOf(raw)) {
    for (const [name, value] of Object.entries(environmentOf(service as ComposeService))) {
      if (secretNamePattern.test(name) && !value.includes('${'))
        problems.push(`${serviceName}'s ${name} is written into the compose file`);
    }
  }
  if (!files['.gitignore'].split(/\r?\n/).includes('.env'))
    problems.push('.gitignore does not ignore .env');
  return problems;
};

/** The build context leaves out installed and built trees, local state and secrets. */
export const dockerignoreProblems: ComposeCheck = ({ files }) => {
  const entries = files['.dockerignore'].split(/\r?\n/).map((line) => line.trim());
  return ['**/node_modules', '**/dist', '**/.next', '**/.turbo', '.local', '.git', '.env']
    .filter((entry) => !entries.includes(entry))
    .map((entry) => `.dockerignore does not exclude ${entry}`);
};
