// The X-Forwarded-For a reverse proxy passes on: what came with the request, then the address of the socket it
// came from, as nginx writes `$proxy_add_x_forwarded_for`.

/** @param {import('node:http').IncomingMessage} request @returns {string} */
export function forwardedFor(request) {
  const received = [request.headers['x-forwarded-for'] ?? []].flat().join(', ');
  const peer = request.socket.remoteAddress ?? 'unknown';
  return received ? `${received}, ${peer}` : peer;
}
