/** An error in the shape a tRPC client reads: one envelope, or for a batch one per procedure. */
export function trpcErrorResponse(
  url: URL,
  prefix: string,
  code: 'BAD_GATEWAY',
  message: string,
): Response {
  const procedures = decodeURIComponent(url.pathname.slice(prefix.length))
    .split(',')
    .filter(Boolean);
  const envelope = (path: string | undefined) => ({
    error: { message, code: -32603, data: { code, httpStatus: 502, path } },
  });
  const body =
    url.searchParams.get('batch') === '1' ? procedures.map(envelope) : envelope(procedures[0]);
  return Response.json(body, { status: 502 });
}
