import { databaseNames, jwksPath } from '@food/contracts';
import { parseEnv } from '@food/service-kit';
import { appSettings, requiredSettings } from '../compose/app-settings.js';
import {
  type ClusterCheck,
  idOf,
  servicePorts,
  appContainers,
  resolvedEnvironment,
  namedAddresses,
} from './cluster-facts.js';

// Optional in the schemas (migrate and tools parse them too), required by the servers at start.
const requiredAtStart = new Set(['GATEWAY_SECRET']);
const loopback = /\b127\.\d+\.\d+\.\d+\b|\blocalhost\b|(?<![\w:])::1(?![\w:])/i;
/**
 * Each app container is given exactly what its src/env.ts reads: every required setting (and GATEWAY_SECRET, which
 * the services and the gateway require at start), nothing its schema does not know, values that parse, no loopback
 * address, and every host:port it names is a Service of the cluster at a port it has.
 */
export const settingProblems: ClusterCheck = (cluster) => {
  const services = servicePorts(cluster);
  return appContainers(cluster).flatMap(({ workload, container, app, job }) => {
    const where = `${idOf(workload.manifest)} ${container.name}`;
    const settings = appSettings[app];
    const schema = job === 'migrate' ? settings?.migrate : settings?.server;
    if (!settings || !schema) return [`${where} runs ${job} of ${app}, which has none`];
    const { values } = resolvedEnvironment(cluster, container);
    const known = new Set([...Object.keys(schema.shape), ...(settings.readElsewhere ?? [])]);
    const required = [
      ...requiredSettings(schema),
      ...(job === 'server' && app !== 'web' ? [...requiredAtStart] : []),
    ];
    const problems = [
      ...required
        .filter((name) => !values[name])
        .map((name) => `${where} is not given ${name}, which ${app} requires`),
      ...Object.keys(values)
        .filter((name) => !known.has(name))
        .map((name) => `${where} is given ${name}, which ${app} does not read`),
      ...Object.entries(values)
        .filter(([name, value]) => name !== 'NEXTAUTH_URL' && loopback.test(value))
        .map(([name]) => `${where}'s ${name} is a loopback address`),
    ];
    try {
      parseEnv(schema, values);
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
    }
    for (const [name, value] of Object.entries(values)) {
      if (name === 'NEXTAUTH_URL') continue; // the browsers' address, outside the cluster
      for (const { host, port } of namedAddresses(value)) {
        const ports = services.get(host);
        if (!ports)
          problems.push(`${where}'s ${name} names ${host}, which is no Service of the cluster`);
        else if (!ports.includes(port))
          problems.push(`${where}'s ${name} names ${host}:${port}; it has ${ports.join(', ')}`);
      }
    }
    if (values.AUTH_JWKS_URL && !values.AUTH_JWKS_URL.endsWith(jwksPath))
      problems.push(`${where}'s AUTH_JWKS_URL is not auth's JWKS`);
    if (
      values.DATABASE_URL &&
      new URL(values.DATABASE_URL).pathname !==
        `/${databaseNames[app as keyof typeof databaseNames]}`
    )
      problems.push(`${where}'s DATABASE_URL is not ${app}'s database`);
    return problems;
  });
};
