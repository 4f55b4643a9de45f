import type http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningHttpServer {
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

/** How long requests still running at shutdown (a live feed's stream) may go on before they are cut. */
const closeGraceMs = 5_000;

/**
 * Listens, and closes gracefully: idle connections at once, requests still running after a grace period cut, so
 * shutdown never hangs. Keep-alive outlasts the usual 60 s of a load balancer's idle timeout.
 */
export async function listenHttpServer(
  server: http.Server,
  port: number,
  host = '127.0.0.1',
): Promise<RunningHttpServer> {
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.address}:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), closeGraceMs).unref();
      }),
  };
}
