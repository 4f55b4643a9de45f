import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { fillEnvFile, generateSecrets } from '../../infra/docker/generate-env.mjs';
import { interpolateDocument, type VariableReference } from './interpolate.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

type Scalar = string | number | boolean | null;

export interface ComposeService {
  image?: string;
  build?:
    | string
    | {
        context?: string;
        dockerfile?: string;
        target?: string;
        args?: Record<string, Scalar> | string[];
      };
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, Scalar> | string[];
  depends_on?: string[] | Record<string, { condition?: string } | null>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  restart?: string;
  deploy?: { replicas?: number | string };
  networks?: string[] | Record<string, { ipv4_address?: string } | null>;
  ports?: unknown[];
}

export interface ComposeNetwork {
  internal?: boolean;
  ipam?: { config?: Array<{ subnet?: string; ip_range?: string; gateway?: string }> };
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  networks?: Record<string, ComposeNetwork | null>;
}

/** The compose file as `docker compose` would see it, and what it was made from. */
export interface LoadedCompose {
  /** After YAML anchors and merge keys, before interpolation. */
  raw: ComposeFile;
  /** Interpolated with `variables`: what containers would get. */
  resolved: ComposeFile;
  references: VariableReference[];
  /** .env.example with generated secrets, as `node infra/docker/generate-env.mjs` writes .env. */
  variables: Record<string, string>;
  exampleVariables: Record<string, string>;
  /** Other files the stack is made of, by path from the repository root. */
  files: Record<
    | '.dockerignore'
    | '.gitignore'
    | 'infra/docker/postgres/init-databases.sh'
    | 'infra/kafka/pom.xml',
    string
  >;
}

export function readRepoFile(relativePath: string): string {
  return readFileSync(path.join(repoRoot, relativePath), 'utf8');
}

export function loadCompose(): LoadedCompose {
  // merge: compose honours YAML 1.1 `<<` merge keys; duplicate keys stay an error, as in compose.
  const raw = parseYaml(readRepoFile('docker-compose.yml'), { merge: true }) as ComposeFile;
  const example = readRepoFile('.env.example');
  const variables = parseEnv(fillEnvFile(example, generateSecrets())) as Record<string, string>;
  const references: VariableReference[] = [];
  const resolved = interpolateDocument(raw, variables, references);
  return {
    raw,
    resolved,
    references,
    variables,
    exampleVariables: parseEnv(example) as Record<string, string>,
    files: {
      '.dockerignore': readRepoFile('.dockerignore'),
      '.gitignore': readRepoFile('.gitignore'),
      'infra/docker/postgres/init-databases.sh': readRepoFile(
        'infra/docker/postgres/init-databases.sh',
      ),
      'infra/kafka/pom.xml': readRepoFile('infra/kafka/pom.xml'),
    },
  };
}

/** A service's environment as strings; a variable listed without a value (taken from the shell) counts as unset. */
export function environmentOf(service: ComposeService): Record<string, string> {
  const entries = Array.isArray(service.environment)
    ? service.environment.map((entry) => {
        const [name = '', ...value] = entry.split('=');
        return [name, value.length ? value.join('=') : null] as const;
      })
    : Object.entries(service.environment ?? {});
  return Object.fromEntries(
    entries
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([name, value]) => [name, String(value)]),
  );
}

/** depends_on in its long form; the short list form means `service_started`. */
export function dependenciesOf(service: ComposeService): Record<string, string> {
  const dependsOn = service.depends_on ?? {};
  if (Array.isArray(dependsOn))
    return Object.fromEntries(dependsOn.map((name) => [name, 'service_started']));
  return Object.fromEntries(
    Object.entries(dependsOn).map(([name, options]) => [
      name,
      options?.condition ?? 'service_started',
    ]),
  );
}

/** The networks a service joins, with its fixed IPv4 address on each (if any); compose's `default` when none. */
export function networksOf(service: ComposeService): Record<string, string | undefined> {
  const networks = service.networks ?? ['default'];
  if (Array.isArray(networks)) return Object.fromEntries(networks.map((name) => [name, undefined]));
  return Object.fromEntries(
    Object.entries(networks).map(([name, options]) => [name, options?.ipv4_address]),
  );
}

export function buildOf(service: ComposeService) {
  if (!service.build) return undefined;
  const build = typeof service.build === 'string' ? { context: service.build } : service.build;
  const args = Array.isArray(build.args)
    ? Object.fromEntries(build.args.map((entry) => entry.split('=', 2) as [string, string]))
    : Object.fromEntries(
        Object.entries(build.args ?? {}).map(([name, value]) => [name, String(value)]),
      );
  return {
    context: build.context ?? '.',
    dockerfile: build.dockerfile ?? 'Dockerfile',
    target: build.target,
    args: args as Record<string, string>,
  };
}

export function commandOf(service: ComposeService): string[] | undefined {
  return typeof service.command === 'string' ? service.command.split(/\s+/) : service.command;
}

/** Jobs that run once and exit (`restart: "no"`), such as migrations and topic creation. */
export function isOneShot(service: ComposeService): boolean {
  return service.restart === 'no';
}
