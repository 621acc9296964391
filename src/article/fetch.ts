// PLACEHOLDER — to be replaced by the hardened fetcher (issue 3). Signature is the contract.
import type { FetchedPage } from './types';
import { FetchError } from '../errors';

export interface FetchOptions {
  /** `host:port` entries that bypass the address policy (FETCH_ALLOW_HOSTS). */
  allowHosts?: string[];
  signal?: AbortSignal;
}

export async function fetchPage(url: string, _opts: FetchOptions = {}): Promise<FetchedPage> {
  const res = await fetch(url).catch((err: unknown) => {
    throw new FetchError('network', "I couldn't reach that site.", { cause: err });
  });
  if (!res.ok) throw new FetchError(`http_${res.status}`, `The site answered with an error (${res.status}).`);
  const html = await res.text();
  return {
    url,
    finalUrl: res.url || url,
    status: res.status,
    contentType: (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase(),
    charset: 'utf-8',
    html,
    bytes: Buffer.byteLength(html),
  };
}
