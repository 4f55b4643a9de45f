import { describe, expect, it } from 'vitest';
import { clientAddressBehind, trustedProxiesSetting } from './trusted-proxies.js';

const trusting = (setting: string) => trustedProxiesSetting.parse(setting);

describe('trustedProxiesSetting', () => {
  it('reads addresses and CIDR ranges, IPv4 and IPv6, around spaces and empty entries', () => {
    const proxies = trusting(' 127.0.0.2, 10.0.0.0/8,, fd00::/8 ');
    expect(proxies.entries).toEqual(['127.0.0.2', '10.0.0.0/8', 'fd00::/8']);
    expect(
      ['127.0.0.2', '10.200.3.4', 'fd00::17'].filter((address) => proxies.includes(address)),
    ).toHaveLength(3);
    expect(
      ['127.0.0.1', '11.0.0.1', '2001:db8::1', 'not-an-address'].some((address) =>
        proxies.includes(address),
      ),
    ).toBe(false);
  });

  it('trusts nobody when unset or empty', () => {
    expect(trustedProxiesSetting.parse(undefined).entries).toEqual([]);
    expect(trusting('').includes('127.0.0.1')).toBe(false);
  });

  it('refuses what is not an address or a range, naming the entry', () => {
    for (const [setting, problem] of [
      ['localhost', '"localhost" is not an IP address'],
      ['10.0.0.0/33', '"10.0.0.0/33" has a prefix length outside 0-32'],
      ['10.0.0.0/x', '"10.0.0.0/x" has a prefix length'],
      ['10.0.0.0/8/1', '"10.0.0.0/8/1" is not an IP address'],
      ['fd00::/129', 'outside 0-128'],
    ]) {
      const result = trustedProxiesSetting.safeParse(setting);
      expect(result.success, setting).toBe(false);
      expect(result.error?.issues[0]?.message, setting).toContain(problem);
    }
  });
});

describe('clientAddressBehind', () => {
  const balancer = trusting('127.0.0.2');

  it('believes no X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(clientAddressBehind(balancer, '127.0.0.1', '198.51.100.7')).toBe('127.0.0.1');
    expect(clientAddressBehind(trusting(''), '203.0.113.9', '198.51.100.7')).toBe('203.0.113.9');
  });

  it("behind a trusted proxy takes the address it appended, not the client's own claims left of it", () => {
    expect(clientAddressBehind(balancer, '127.0.0.2', '198.51.100.7')).toBe('198.51.100.7');
    expect(clientAddressBehind(balancer, '127.0.0.2', '10.9.9.9, 198.51.100.7')).toBe(
      '198.51.100.7',
    );
    expect(
      clientAddressBehind(balancer, '::ffff:127.0.0.2', ['10.9.9.9', '::ffff:198.51.100.7']),
    ).toBe('198.51.100.7');
  });

  it('walks past every trusted proxy of a chain to the right-most address that is not one', () => {
    const chain = trusting('127.0.0.2, 10.0.0.0/8');
    expect(clientAddressBehind(chain, '127.0.0.2', '1.2.3.4, 198.51.100.7, 10.1.1.1')).toBe(
      '198.51.100.7',
    );
    expect(clientAddressBehind(chain, '127.0.0.2', '10.1.1.1, 10.2.2.2')).toBe('10.1.1.1');
  });

  it('stops at the last trusted proxy when it reports nothing usable', () => {
    expect(clientAddressBehind(balancer, '127.0.0.2', undefined)).toBe('127.0.0.2');
    expect(clientAddressBehind(balancer, '127.0.0.2', '198.51.100.7, not-an-address')).toBe(
      '127.0.0.2',
    );
    expect(clientAddressBehind(balancer, undefined, '198.51.100.7')).toBeUndefined();
  });
});
