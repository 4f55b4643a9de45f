import type http from 'node:http';
import type { AuthenticatedUser, ServiceName } from '@food/contracts';
import { withTraceHeaders } from '@food/service-kit';
import { authenticateRequest } from '../authentication/authenticate-request.js';
import { createRateLimitGate } from '../rate-limiting/rate-limit-gate.js';
import { isPublicCall } from '../routing/public-procedures.js';
import { routeTrpcCall } from '../routing/route-request.js';
import { noCall, parseTrpcCall, type TrpcCall, type TrpcCallParse } from '../routing/trpc-call.js';
import { sendTrpcError } from '../routing/trpc-error-response.js';
import { forwardRequest } from '../upstream/forward-request.js';
import { upstreamRequestHeaders } from '../upstream/upstream-request-headers.js';
import type { GatewayDependencies } from './gateway-dependencies.js';
import type { RequestFacts } from './request-facts.js';

export type ApiRequestHandler = (
  request: http.IncomingMessage,
  response: http.ServerResponse,
  url: URL,
  facts: RequestFacts,
  correlationId: string,
) => Promise<void>;

/**
 * A request for the API: routes it by service, verifies the access token, charges the rate limit, refuses
 * non-public calls without a verified caller, and streams the rest to the service.
 */
export function createApiRequestHandler(deps: GatewayDependencies): ApiRequestHandler {
  const chargeRateLimit = createRateLimitGate(deps.redis, deps.rateLimits, deps.logger);

  return async (request, response, url, facts, correlationId) => {
    // Every request spends rate limit, a 404 or a malformed path too: none is free to repeat.
    const parsed: TrpcCallParse = url.pathname.startsWith('/trpc/')
      ? parseTrpcCall(url)
      : { kind: 'malformed', status: 'NOT_FOUND', message: 'the API lives under /trpc/' };
    const call = parsed.kind === 'call' ? parsed.call : noCall;
    facts.route = parsed.kind === 'call' ? call.procedures.join(',') : url.pathname;

    const authentication = await authenticateRequest(
      request.headers.authorization,
      deps.verifyAccessToken,
    );
    const user = authentication.kind === 'user' ? authentication.user : undefined;
    facts.authentication = authentication.kind;
    facts.userId = user?.userId;

    if (!(await chargeRateLimit(call, user?.userId, facts, response))) return;
    if (parsed.kind === 'malformed') {
      sendTrpcError(response, parsed.status, parsed.message, noCall);
      return;
    }
    const route = routeTrpcCall(call.procedures);
    if (route.kind === 'rejected') {
      sendTrpcError(response, route.code, route.message, call);
      return;
    }
    facts.metricsLabel = route.service;

    if (!user && !isPublicCall(call.procedures)) {
      const message =
        authentication.kind === 'rejected'
          ? authentication.reason
          : 'sign in first: no access token';
      sendTrpcError(response, 'UNAUTHORIZED', message, call);
      return;
    }
    forwardToService(
      request,
      response,
      { service: route.service, call, user, facts, correlationId },
      deps,
    );
  };
}

interface Forwarding {
  service: ServiceName;
  call: TrpcCall;
  user: AuthenticatedUser | undefined;
  facts: RequestFacts;
  correlationId: string;
}

function forwardToService(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  { service, call, user, facts, correlationId }: Forwarding,
  deps: GatewayDependencies,
): void {
  const headers = upstreamRequestHeaders(request.headers, {
    correlationId,
    clientAddress: facts.clientAddress,
    gatewaySecret: deps.gatewaySecret,
    user,
  });
  Object.assign(headers, withTraceHeaders({})); // the service continues this request's trace
  forwardRequest(request, response, deps.upstreams[service], headers, (error) => {
    deps.logger.warn('upstream unreachable', { upstream: service, error: error.message });
    sendTrpcError(response, 'BAD_GATEWAY', `${service} is unavailable`, call);
  });
}
