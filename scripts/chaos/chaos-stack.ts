// The chaos run's own stack: every process of `npm test`'s stack that it can kill and restart, with two web
// instances behind the one web address.
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { prepareStack } from '../lib/prepare-stack.mjs';
import { say } from '../lib/run.mjs';
import { loadLocalSecrets } from '../lib/secrets.mjs';
import { assertPortsFree, launchProcess, stackLogDir, stackPlan, stopProcess, waitForHealth } from '../lib/stack.mjs';

export interface ProcessInfo {
  name: string;
  url: string;
  healthPath: string;
  env: Record<string, string>;
}

interface HealthReport {
  status?: string;
  loops?: Array<{ name: string; ok: boolean; detail?: string }>;
}

export const sagaServices = ['order', 'payment', 'notification'] as const;

export class ChaosStack {
  private readonly running = new Map<string, ChildProcess>();
  readonly logDir = stackLogDir('chaos');

  private constructor(
    readonly settings: Awaited<ReturnType<typeof prepareStack>>['settings'],
    readonly processes: ProcessInfo[],
    readonly databaseUrls: Map<string, string>,
    /** This run started the broker(s): it stops them when it ends. */
    readonly startedKafka: boolean,
  ) {}

  /** Dependencies, databases, the broker(s) and topics, as `npm test` prepares them; nothing started yet. */
  static async prepare(): Promise<ChaosStack> {
    const { settings } = await prepareStack('test');
    const plan = await stackPlan(settings, loadLocalSecrets());
    const balancer = plan.webBalancer as ProcessInfo;
    // The console's public address is the balancer's: sign-in redirects and same-origin checks name it.
    for (const web of [plan.web, plan.secondWeb] as ProcessInfo[]) web.env.NEXTAUTH_URL = balancer.url;
    const processes = [...plan.all, plan.secondWeb, balancer] as ProcessInfo[];
    const databaseUrls = new Map((plan.services as ProcessInfo[]).map((info) => [info.name, info.env.DATABASE_URL ?? '']));
    const { startedKafka } = settings as { startedKafka?: boolean };
    return new ChaosStack(settings, processes, databaseUrls, startedKafka === true);
  }

  get gatewayTrpcUrl(): string {
    return `${this.info('gateway').url}/trpc`;
  }

  get webAddress(): string {
    return this.info('web-balancer').url;
  }

  databaseUrl(service: string): string {
    const url = this.databaseUrls.get(service);
    if (!url) throw new Error(`no service ${service}`);
    return url;
  }

  info(name: string): ProcessInfo {
    const info = this.processes.find((candidate) => candidate.name === name);
    if (!info) throw new Error(`the chaos stack has no process ${name}`);
    return info;
  }

  async startAll(): Promise<void> {
    say(`▸ starting the chaos stack (logs in ${path.relative(process.cwd(), this.logDir)})`);
    await assertPortsFree(this.processes);
    for (const { name } of this.processes) await this.start(name);
  }

  async start(name: string): Promise<void> {
    const launched = launchProcess(this.info(name), { logDir: this.logDir });
    this.running.set(name, launched.child);
    await waitForHealth(launched.info, launched.child, 180_000);
  }

  kill(name: string): void {
    this.running.get(name)?.kill('SIGKILL');
  }

  hasExited(name: string): boolean {
    const child = this.running.get(name);
    return child ? child.exitCode !== null || child.signalCode !== null : false;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running.values()].map((child) => stopProcess(child)));
  }

  /** A saga service instance's /health report; undefined when it does not answer. */
  async healthOf(name: string): Promise<HealthReport | undefined> {
    const service = name.replace(/-\d+$/, '');
    const answer = await fetch(`${this.info(name).url}/trpc/${service}.health`).then(
      (response) => response.json() as Promise<{ result?: { data?: HealthReport } }>,
      () => undefined,
    );
    return answer?.result?.data;
  }

  /** Every instance of the saga's services (two payment and two notification instances). */
  sagaInstances(): string[] {
    return this.processes.map((info) => info.name).filter((name) => /^(order|payment|notification)(-\d+)?$/.test(name));
  }
}

