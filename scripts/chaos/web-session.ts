// A browser's session with the web console at one address: signed in through next-auth's credentials form, its
// cookies kept as a browser keeps them, so every rotation the app hands out is what the next request carries.

const sessionCookieName = /(^|\.)next-auth\.session-token(\.\d+)?$/;

export interface WebAccount {
  email: string;
  password: string;
}

export class WebSession {
  private readonly cookies = new Map<string, string>();
  /** The instance that answered each request, as the balancer names it (X-Web-Instance); absent when direct. */
  readonly servedBy: string[] = [];

  private constructor(readonly address: string) {}

  /** Signs in at `address`; throws when the app did not hand out a session. */
  static async signIn(address: string, account: WebAccount): Promise<WebSession> {
    const session = new WebSession(address);
    const csrf = await session.request('/api/auth/csrf');
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const answer = await session.request('/api/auth/callback/credentials', {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, ...account, intent: 'sign-in', json: 'true' }),
    });
    await answer.body?.cancel();
    if (!session.hasSession()) throw new Error(`signing in ${account.email} at ${address} gave no session (${answer.status})`);
    return session;
  }

  hasSession(): boolean {
    return [...this.cookies.keys()].some((name) => sessionCookieName.test(name));
  }

  /** The session cookie's value as the browser holds it now (it changes when the app refreshes the session). */
  sessionCookie(): string | undefined {
    return [...this.cookies].find(([name]) => sessionCookieName.test(name))?.[1];
  }

  /** A request with the session's cookies; the answer's cookies replace them, as in a browser. */
  async request(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const answer = await fetch(new URL(pathname, this.address), { ...init, headers, signal: AbortSignal.timeout(30_000) });
    const instance = answer.headers.get('x-web-instance');
    if (instance) this.servedBy.push(instance);
    for (const line of answer.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return answer;
  }

  /** A tRPC query through the app's backend-for-frontend, as the console's pages ask it. */
  async query<T>(procedure: string, input?: unknown): Promise<{ status: number; data?: T }> {
    const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const answer = await this.request(`/api/trpc/${procedure}${search}`);
    const body = (await answer.json().catch(() => null)) as { result?: { data?: T } } | null;
    return { status: answer.status, data: body?.result?.data };
  }
}
