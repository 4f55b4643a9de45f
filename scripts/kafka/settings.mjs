// The broker's settings: host and ports (KAFKA_PORT, KAFKA_CONTROLLER_PORT), read when used.

export const HOST = '127.0.0.1';

function envPort(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new Error(`${name} must be a TCP port number, got "${raw}"`);
  }
  return n;
}
export const brokerPort = () => envPort('KAFKA_PORT', 9092);
export const controllerPort = () => envPort('KAFKA_CONTROLLER_PORT', 9093);
