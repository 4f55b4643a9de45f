import { serviceNames, type ServiceName } from '@food/contracts';

export type RouteDecision =
  | { kind: 'service'; service: ServiceName }
  | { kind: 'rejected'; status: 400 | 404; code: 'BAD_REQUEST' | 'NOT_FOUND'; message: string };

const isServiceName = (value: string): value is ServiceName =>
  (serviceNames as readonly string[]).includes(value);

/**
 * Picks the service for a tRPC call from the first segment of its procedure path(s): `order.create`, or the
 * batch `order.list,order.get`. A batch must address one service (the typed client splits batches per service).
 */
export function routeTrpcCall(procedures: readonly string[]): RouteDecision {
  if (procedures.length === 0) {
    return { kind: 'rejected', status: 404, code: 'NOT_FOUND', message: 'no procedure in path' };
  }
  const services = new Set(procedures.map((procedure) => procedure.split('.')[0] ?? ''));
  const unknown = [...services].filter((service) => !isServiceName(service));
  if (unknown.length > 0) {
    return {
      kind: 'rejected',
      status: 404,
      code: 'NOT_FOUND',
      message: `no service named ${unknown.join(', ')}`,
    };
  }
  if (services.size > 1) {
    return {
      kind: 'rejected',
      status: 400,
      code: 'BAD_REQUEST',
      message: 'a batch must address one service; the typed client splits batches per service',
    };
  }
  return { kind: 'service', service: [...services][0] as ServiceName };
}
