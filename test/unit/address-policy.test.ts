import { isIpLiteral, judgeAddress } from '../../src/article/address-policy';

describe('judgeAddress (global unicast only)', () => {
  it.each([
    ['0.0.0.0'],
    ['0.1.2.3'],
    ['10.0.0.1'],
    ['100.64.0.1'],
    ['127.0.0.1'],
    ['127.0.0.2'],
    ['169.254.169.254'],
    ['172.16.0.1'],
    ['172.31.255.255'],
    ['192.0.0.8'],
    ['192.0.2.1'],
    ['192.88.99.1'],
    ['192.168.1.1'],
    ['198.18.0.1'],
    ['198.51.100.7'],
    ['203.0.113.9'],
    ['224.0.0.1'],
    ['240.0.0.1'],
    ['255.255.255.255'],
    ['::'],
    ['::1'],
    ['[::1]'],
    ['fe80::1'],
    ['fe80::1%eth0'],
    ['fc00::1'],
    ['fd12:3456::1'],
    ['ff02::1'],
    ['::ffff:127.0.0.1'],
    ['::ffff:7f00:1'],
    ['::ffff:169.254.169.254'],
    ['::7f00:1'], // IPv4-compatible loopback: ipaddr.js alone calls this unicast
    ['::10.0.0.1'],
    // The rest of ::/96 is refused whatever it embeds (RFC 4291 deprecated IPv4-compatible addresses).
    ['::8.8.8.8'], // inet_ntop's spelling, which ipaddr.js alone misreads as mapped
    ['::808:808'],
    ['::102:304'],
    ['::2'],
    ['0:0:0:0:0:0:9765:51'],
    ['64:ff9b::7f00:1'], // NAT64
    ['64:ff9b::808:808'], // NAT64 of a public address: still not dialled directly
    ['64:ff9b:1::1'],
    ['2002:7f00:1::1'], // 6to4
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2'], // Teredo
    ['2001:db8::1'],
    ['3fff::1'],
    ['100::1'], // discard-only
    ['4000::1'], // outside 2000::/3
    ['not-an-ip'],
    ['127.1'], // short forms are for the URL parser to canonicalise, not for us to guess
  ])('refuses %s', (address) => {
    expect(judgeAddress(address).allowed).toBe(false);
  });

  it.each([
    ['8.8.8.8'],
    ['151.101.0.81'],
    ['1.1.1.1'],
    ['2606:4700:4700::1111'],
    ['2a00:1450:4009::200e'],
    ['::ffff:8.8.8.8'],
    ['::ffff:808:808'],
    ['0:0:0:0:0:ffff:9765:51'],
    ['[2001:4860::8888]'],
  ])('allows %s', (address) => {
    expect(judgeAddress(address).allowed).toBe(true);
  });

  it('names the range it refused, so logs say why', () => {
    expect(judgeAddress('169.254.169.254')).toEqual({ allowed: false, range: 'linkLocal' });
    expect(judgeAddress('::7f00:1')).toEqual({ allowed: false, range: 'ipv4Compatible' });
    expect(judgeAddress('::8.8.8.8')).toEqual({ allowed: false, range: 'ipv4Compatible' });
    expect(judgeAddress('::1')).toEqual({ allowed: false, range: 'loopback' });
    expect(judgeAddress('::')).toEqual({ allowed: false, range: 'unspecified' });
    expect(judgeAddress('::ffff:10.0.0.1')).toEqual({ allowed: false, range: 'private' });
    expect(judgeAddress('2002:7f00:1::1')).toMatchObject({ allowed: false, range: '6to4' });
  });

  it('tells IP literals from names', () => {
    expect(isIpLiteral('[::1]')).toBe(true);
    expect(isIpLiteral('127.0.0.1')).toBe(true);
    expect(isIpLiteral('news.test')).toBe(false);
    expect(isIpLiteral('1.2.3.4.example')).toBe(false);
  });
});
