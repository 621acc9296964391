// Decides whether an IP address is one the bot may connect to: global unicast only. It is fed the canonical
// form (the WHATWG URL host or a resolver answer), never the raw string a user typed, so decimal, octal and
// hex spellings have already been folded into a dotted quad by the URL parser.
import ipaddr from 'ipaddr.js';

export type AddressVerdict = { allowed: true } | { allowed: false; range: string };

// ipaddr.js calls all of these 'unicast' or names them in ways that are easy to miss, so they are listed
// here explicitly; anything outside 2000::/3 is refused anyway.
const IPV6_DENIED: [string, number, string][] = [
  ['2001::', 23, 'ietfProtocol'], // includes Teredo 2001::/32 and ORCHID
  ['2001:db8::', 32, 'documentation'],
  ['2002::', 16, '6to4'],
  ['3fff::', 20, 'documentation'],
  ['64:ff9b::', 96, 'nat64'],
  ['64:ff9b:1::', 48, 'nat64'],
];

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** True when `host` (bracketed or not) is an IPv4 or IPv6 literal rather than a name. */
export function isIpLiteral(host: string): boolean {
  const bare = stripBrackets(host);
  // isValid accepts shorthand IPv4 such as '127.1'; only full dotted quads count here, because the URL
  // parser has already canonicalised any IPv4 host it saw.
  return ipaddr.IPv6.isValid(bare) || ipaddr.IPv4.isValidFourPartDecimal(bare);
}

function judgeIpv4(addr: ipaddr.IPv4): AddressVerdict {
  const range = addr.range();
  return range === 'unicast' ? { allowed: true } : { allowed: false, range };
}

function judgeIpv6(addr: ipaddr.IPv6): AddressVerdict {
  // IPv4-mapped (::ffff:a.b.c.d) is how a dual-stack socket reports an IPv4 peer: judge the IPv4 inside.
  if (addr.isIPv4MappedAddress()) return judgeIpv4(addr.toIPv4Address());
  // The rest of ::/96 (::, ::1 and the IPv4-compatible ::a.b.c.d that RFC 4291 deprecated) is never a
  // public web server, and some stacks route ::a.b.c.d to the embedded IPv4, private or not.
  if (addr.parts.slice(0, 6).every((p) => p === 0)) {
    const range = addr.range();
    return { allowed: false, range: range === 'unicast' ? 'ipv4Compatible' : range };
  }
  const range = addr.range();
  if (range !== 'unicast') return { allowed: false, range };
  if (!addr.match(ipaddr.IPv6.parse('2000::'), 3)) return { allowed: false, range: 'notGlobal' };
  for (const [prefix, bits, name] of IPV6_DENIED) {
    if (addr.match(ipaddr.IPv6.parse(prefix), bits)) return { allowed: false, range: name };
  }
  return { allowed: true };
}

/** Judges one IP address (with or without brackets, zone ids refused). Non-addresses are refused. */
export function judgeAddress(address: string): AddressVerdict {
  const bare = stripBrackets(address);
  if (bare.includes('%')) return { allowed: false, range: 'scoped' };
  if (ipaddr.IPv4.isValidFourPartDecimal(bare)) return judgeIpv4(ipaddr.IPv4.parse(bare));
  if (ipaddr.IPv6.isValid(bare)) {
    // ipaddr.js reads the dotted tail of '::1.2.3.4' (IPv4-compatible, as inet_ntop prints it) as
    // '::ffff:1.2.3.4' (mapped). The WHATWG serialisation is all hex, which it reads right.
    let canonical: string;
    try {
      canonical = new URL(`http://[${bare}]/`).hostname.slice(1, -1);
    } catch {
      return { allowed: false, range: 'invalid' };
    }
    return judgeIpv6(ipaddr.IPv6.parse(canonical));
  }
  return { allowed: false, range: 'invalid' };
}

export function isPublicAddress(address: string): boolean {
  return judgeAddress(address).allowed;
}
