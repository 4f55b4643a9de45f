import type { AnyRouter } from '@trpc/server';
import type { TRPCLink } from '@trpc/client';

/**
 * Sends each operation through the link of its service (the first segment of its path), so a batch never mixes
 * services: the gateway routes a whole request to one service. Calls to one service still batch together.
 */
export function routeByService<TRouter extends AnyRouter>(linkFor: (service: string) => TRPCLink<TRouter>): TRPCLink<TRouter> {
  return (runtime) => {
    const links = new Map<string, ReturnType<TRPCLink<TRouter>>>();
    return (operation) => {
      const service = operation.op.path.split('.')[0] ?? '';
      let link = links.get(service);
      if (!link) {
        link = linkFor(service)(runtime);
        links.set(service, link);
      }
      return link(operation);
    };
  };
}
