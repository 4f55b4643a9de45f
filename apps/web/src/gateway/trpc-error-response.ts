/** The tRPC errors the web app answers with itself, with tRPC's JSON-RPC numbers and HTTP statuses. */
const webErrors = {
  FORBIDDEN: { jsonRpc: -32003, httpStatus: 403 },
  UNSUPPORTED_MEDIA_TYPE: { jsonRpc: -32015, httpStatus: 415 },
  BAD_GATEWAY: { jsonRpc: -32603, httpStatus: 502 },
} as const;

export type WebErrorCode = keyof typeof webErrors;

/** An error in the shape a tRPC client reads: one envelope, or for a batch one per procedure. */
export function trpcErrorResponse(
  url: URL,
  prefix: string,
  code: WebErrorCode,
  message: string,
): Response {
  const { jsonRpc, httpStatus } = webErrors[code];
  let procedures: string[];
  try {
    procedures = decodeURIComponent(url.pathname.slice(prefix.length)).split(',').filter(Boolean);
  } catch {
    procedures = [];
  }
  const envelope = (path: string | undefined) => ({
    error: { message, code: jsonRpc, data: { code, httpStatus, path } },
  });
  const body =
    url.searchParams.get('batch') === '1' ? procedures.map(envelope) : envelope(procedures[0]);
  return Response.json(body, { status: httpStatus });
}
