import { isUnauthorized } from '@food/api-client';
import { createGatewayClient } from '../gateway/gateway-client';
import { serverLog } from '../server-log';
import { everyInstanceRotations } from './every-instance-rotations';
import { createSessionRefresher, type RotateRefreshToken } from './session-refresher';

/** auth.refresh through the gateway, with the browser's address (anonymous calls are rate limited per address). */
export const rotateThroughGateway: RotateRefreshToken = async (
  refreshToken,
  { userId, clientAddress },
) => {
  const started = performance.now();
  try {
    const answer = await createGatewayClient({ clientAddress }).auth.refresh.mutate({
      refreshToken,
    });
    serverLog.info('session refreshed', {
      userId,
      durationMs: Math.round(performance.now() - started),
    });
    const { accessToken, accessTokenExpiresAt, refreshToken: next, user } = answer;
    return {
      kind: 'refreshed',
      tokens: { accessToken, accessTokenExpiresAt, refreshToken: next },
      user,
    };
  } catch (error) {
    if (isUnauthorized(error)) {
      serverLog.info('session refresh refused: sign-in required', { userId });
      return { kind: 'refused' };
    }
    serverLog.warn('session refresh failed: auth unavailable', {
      userId,
      error: (error as Error).message,
    });
    return { kind: 'unavailable' };
  }
};

/** This process's refresher (proxy.ts is its only user), sharing its rotations with every web instance. */
export const refreshIfDue = createSessionRefresher(rotateThroughGateway, everyInstanceRotations);
