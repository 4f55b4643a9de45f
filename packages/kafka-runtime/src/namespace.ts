/**
 * A namespace prefixes every topic and consumer group of one stack, so a test stack can share a broker with a
 * dev stack without either seeing the other's events. Empty in production: names stay as the design gives them.
 */
export function namespaced(namespace: string, name: string): string {
  return namespace ? `${namespace}.${name}` : name;
}

export function withoutNamespace(namespace: string, name: string): string {
  return namespace && name.startsWith(`${namespace}.`) ? name.slice(namespace.length + 1) : name;
}
