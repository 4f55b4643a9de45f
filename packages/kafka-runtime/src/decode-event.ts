import { eventEnvelope, type DeadLetterErrorClass, type EventCatalog, type EventEnvelope } from '@food/contracts';

export type DecodedEvent =
  | { ok: true; event: EventEnvelope }
  | { ok: false; errorClass: DeadLetterErrorClass; message: string; eventId?: string; type?: string };

/**
 * Parses message bytes into an envelope whose payload matches its type and version in the catalog, upcast to the
 * current version. Failures say why in a class a retry cannot fix.
 */
export function decodeEvent(topic: string, value: Buffer | null, catalog: EventCatalog): DecodedEvent {
  let json: unknown;
  try {
    json = JSON.parse(value?.toString('utf8') ?? '');
  } catch {
    return { ok: false, errorClass: 'NOT_JSON', message: 'message value is not JSON' };
  }
  const envelope = eventEnvelope.safeParse(json);
  if (!envelope.success) {
    const fields = envelope.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    return { ok: false, errorClass: 'INVALID_ENVELOPE', message: `invalid envelope: ${fields.join('; ')}` };
  }
  const { eventId, type, version } = envelope.data;
  const definition = catalog[topic];
  if (!definition || type !== topic) {
    return { ok: false, errorClass: 'UNKNOWN_EVENT_TYPE', message: `event type ${type} does not belong on ${topic}`, eventId, type };
  }
  const schema = definition.versions[version];
  if (!schema) {
    return {
      ok: false,
      errorClass: 'UNKNOWN_VERSION',
      message: `${type} version ${version} is not known (accepted: ${Object.keys(definition.versions).join(', ')})`,
      eventId,
      type,
    };
  }
  const payload = schema.safeParse(envelope.data.payload);
  if (!payload.success) {
    const fields = payload.error.issues.map((issue) => `payload.${issue.path.join('.')}: ${issue.message}`);
    return { ok: false, errorClass: 'INVALID_PAYLOAD', message: `invalid ${type} payload: ${fields.join('; ')}`, eventId, type };
  }
  const current = version === definition.currentVersion ? payload.data : definition.upcast?.(version, payload.data);
  return { ok: true, event: { ...envelope.data, version: definition.currentVersion, payload: current } };
}
