// The web balancer's instances (`name=url` arguments) and its choice of the next one.

/** @param {string[]} specs `name=http://host:port` @returns {{name: string, url: string}[]} */
export function parseUpstreams(specs) {
  const upstreams = specs.map((spec) => {
    const at = spec.indexOf('=');
    const name = spec.slice(0, at);
    const url = spec.slice(at + 1);
    if (at <= 0 || !URL.canParse(url)) throw new Error(`--upstream must be name=http://host:port, got "${spec}"`);
    return { name, url };
  });
  if (upstreams.length === 0) throw new Error('give at least one --upstream');
  return upstreams;
}

/** Each call returns the next upstream in turn: every request may land on another instance (no affinity). */
export function roundRobin(upstreams) {
  let next = 0;
  return () => {
    const upstream = upstreams[next % upstreams.length];
    next += 1;
    return upstream;
  };
}
