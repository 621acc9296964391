import { PolicyError } from '../../src/errors';
import { checkUrl, hostPortKey, MAX_URL_LENGTH, normaliseAllowHosts } from '../../src/article/url-policy';

function refusal(raw: string, origin: 'pasted' | 'redirect' = 'pasted', allow: string[] = []): PolicyError {
  try {
    checkUrl(raw, origin, normaliseAllowHosts(allow));
  } catch (err) {
    expect(err).toBeInstanceOf(PolicyError);
    return err as PolicyError;
  }
  throw new Error(`expected ${raw} to be refused`);
}

describe('checkUrl', () => {
  it.each([
    // loopback in every spelling the WHATWG parser folds to 127.0.0.1 or ::1
    'http://127.0.0.1/',
    'http://127.1/',
    'http://127.0.1/',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://0x7f.0x0.0x0.0x1/',
    'http://0177.0.0.1/',
    'http://017700000001/',
    'http://127.0.0.1./',
    'http://%31%32%37.0.0.1/',
    'http://\uff11\uff12\uff17.0.0.1/', // full-width digits (IDNA maps them to ASCII)
    'http://[::1]/',
    'http://[0:0:0:0:0:0:0:1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[::127.0.0.1]/', // IPv4-compatible
    'http://[::8.8.8.8]/', // IPv4-compatible with a public address inside: all of ::/96 is refused
    'http://[::1.2.3.4]/',
    'http://[0:0:0:0:0:0:9765:51]/',
    'http://[64:ff9b::127.0.0.1]/', // NAT64
    'http://[2002:7f00:1::]/', // 6to4
    'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', // Teredo
    'http://0/',
    'http://127.0.0.1:80\\@www.bbc.co.uk/', // parser differential: the host really is 127.0.0.1
    'http://0.0.0.0/',
    'http://[::]/',
    // private and metadata
    'http://10.0.0.1/',
    'http://012.0.0.1/',
    'http://167772161/',
    'http://192.168.0.1/',
    'http://0xc0a80001/',
    'http://172.16.0.1/',
    'http://100.64.0.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://2852039166/', // 169.254.169.254 as a dword
    'http://0xa9fea9fe/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://[fd00:ec2::254]/', // AWS IMDS over IPv6
    'http://[fe80::1]/',
    'http://[fc00::1]/',
    'https://192.0.2.1/',
    'https://198.18.0.1/',
    'https://240.0.0.1/',
  ])('refuses the internal address %s before connecting', (raw) => {
    expect(refusal(raw).code).toBe('private_address');
  });

  it('says a refused redirect hop was a redirect', () => {
    const err = refusal('http://127.0.0.1/secret', 'redirect');
    expect(err.code).toBe('redirect_private_address');
    expect(err.userMessage).toBe('That link redirects to an internal address, so I didn\u2019t follow it.');
    expect(refusal('http://10.0.0.1/').userMessage).toBe(
      'That link points to a private network address, so I won\u2019t open it.',
    );
  });

  it.each([
    ['file:///etc/passwd', 'unsupported_scheme'],
    ['gopher://127.0.0.1:70/_x', 'unsupported_scheme'],
    ['data:text/html,<p>30,000 dead</p>', 'unsupported_scheme'],
    ['javascript:alert(1)', 'unsupported_scheme'],
    ['ftp://example.com/', 'unsupported_scheme'],
    ['https://user:pw@example.com/', 'credentials_in_url'],
    ['https://www.bbc.co.uk@127.0.0.1/', 'credentials_in_url'],
    ['https://example.com:8443/', 'non_default_port'],
    ['http://example.com:22/', 'non_default_port'],
    ['https://example.com:80/', 'non_default_port'],
    ['http://localhost/', 'local_name'],
    ['http://LOCALHOST./', 'local_name'],
    ['http://api.localhost/', 'local_name'],
    ['http://duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion/', 'onion'],
    ['not a url', 'invalid_url'],
    ['http://', 'invalid_url'],
  ])('refuses %s (%s)', (raw, code) => {
    expect(refusal(raw).code).toBe(code);
  });

  it('accepts ordinary news links, with explicit default ports', () => {
    expect(checkUrl('https://thehill.com/policy/international/123-russia-syria/', 'pasted').hostname).toBe(
      'thehill.com',
    );
    expect(checkUrl('http://example.com:80/a', 'pasted').port).toBe('');
    expect(checkUrl('https://example.com:443/a', 'pasted').port).toBe('');
    expect(checkUrl('http://example.com:00080/a', 'pasted').port).toBe('');
    expect(checkUrl('https://8.8.8.8/', 'pasted').hostname).toBe('8.8.8.8');
    expect(checkUrl('https://[2606:4700::1111]/', 'pasted').hostname).toBe('[2606:4700::1111]');
  });

  it('caps the length at 4,096 characters, before any DNS', () => {
    const base = 'https://example.com/?q=';
    expect(checkUrl(base + 'a'.repeat(1500), 'pasted')).toBeInstanceOf(URL);
    expect(checkUrl(base + 'a'.repeat(MAX_URL_LENGTH - base.length), 'pasted')).toBeInstanceOf(URL);
    expect(refusal(base + 'a'.repeat(10_000)).code).toBe('url_too_long');
  });

  it('waives the port and address rules for an exact allowHosts host:port, and nothing else', () => {
    const allow = ['127.0.0.1:8080', 'cms.internal:8443', '[::1]:9000'];
    const set = normaliseAllowHosts(allow);
    expect(checkUrl('http://127.0.0.1:8080/preview', 'pasted', set).host).toBe('127.0.0.1:8080');
    expect(checkUrl('http://2130706433:8080/', 'pasted', set).host).toBe('127.0.0.1:8080');
    expect(checkUrl('https://cms.internal:8443/', 'pasted', set).host).toBe('cms.internal:8443');
    expect(checkUrl('http://[::1]:9000/', 'pasted', set).host).toBe('[::1]:9000');
    expect(refusal('http://127.0.0.1:8081/', 'pasted', allow).code).toBe('private_address');
    expect(refusal('http://cms.internal:8444/', 'pasted', allow).code).toBe('non_default_port');
    expect(refusal('http://127.0.0.1/', 'pasted', allow).code).toBe('private_address');
    expect(refusal('http://127.0.0.2:8080/', 'pasted', allow).code).toBe('private_address');
    expect(refusal('http://127.0.0.1:3000/', 'pasted').userMessage).toMatch(/private network address/);
    // the escape hatch never reopens schemes, credentials or localhost names
    expect(refusal('http://u:p@127.0.0.1:8080/', 'pasted', allow).code).toBe('credentials_in_url');
    expect(refusal('http://localhost:8080/', 'pasted', ['localhost:8080']).code).toBe('local_name');
  });

  it('keys hosts with the scheme default port filled in', () => {
    expect(hostPortKey(new URL('https://Example.com/'))).toBe('example.com:443');
    expect(hostPortKey(new URL('http://[::1]:81/'))).toBe('[::1]:81');
  });
});
