import type http from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Answers requests Node's HTTP parser refuses (a URL or headers over 16 KiB, broken syntax) with a tRPC-shaped
 * JSON error instead of a bare status line, so a client can read why. Long inputs belong in a POST body.
 */
export function answerMalformedRequests(server: http.Server): void {
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const message = tooLarge
      ? 'request line or headers too large: send long inputs as a POST body'
      : `malformed HTTP request (${error.code ?? 'parse error'})`;
    const body = JSON.stringify({ error: { message, code: -32600, data: { code: 'BAD_REQUEST', httpStatus: status } } });
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}
