// Reads a response body through its content codings while counting *decoded* bytes, so a 50 KB gzip bomb is
// stopped at the cap rather than after it has expanded. Decoders are strict (Z_FINISH): a truncated or
// corrupt stream is an error, not a silently shorter article.
import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import { FetchError } from '../errors';
import { formatSize } from './fetch-failure';

export const SUPPORTED_CODINGS: ReadonlySet<string> = new Set(['gzip', 'x-gzip', 'deflate', 'br']);

/** The codings of a Content-Encoding header, in the order they were applied; identity dropped. */
export function parseCodings(header: string | null): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
}

type Decoder = Transform | ((source: AsyncIterable<Buffer>) => AsyncGenerator<Buffer>);

/** A zlib stream header: deflate method, a window size zlib allows, and the check bits (RFC 1950). */
function hasZlibHeader(b0: number, b1: number): boolean {
  return (b0 & 0x0f) === 8 && b0 >> 4 <= 7 && ((b0 << 8) | b1) % 31 === 0;
}

/**
 * "deflate" as servers send it: RFC 1950 zlib, or (IIS, old Apache modules) bare RFC 1951 deflate with no
 * header. Browsers read both, so a page in raw deflate is not a damaged page; which one it is shows in the
 * first two bytes.
 */
async function* inflateEither(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const it = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < 2 && !done) {
    const next = await it.next();
    if (next.done) done = true;
    else {
      head.push(next.value);
      headLength += next.value.length;
    }
  }
  const first = Buffer.concat(head);
  const inflater =
    first.length >= 2 && !hasZlibHeader(first[0]!, first[1]!)
      ? zlib.createInflateRaw()
      : zlib.createInflate();
  async function* input(): AsyncGenerator<Buffer> {
    yield first;
    if (done) return;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  }
  const feeding = pipeline(Readable.from(input()), inflater);
  feeding.catch(() => undefined); // the same error surfaces through the inflater we read from
  yield* inflater;
  await feeding;
}

function decoderFor(coding: string): Decoder {
  if (coding === 'br') return zlib.createBrotliDecompress();
  if (coding === 'deflate') return inflateEither;
  return zlib.createGunzip();
}

export interface ReadOptions {
  /** Content codings in applied order (they are undone in reverse). */
  codings: string[];
  maxBytes: number;
  /** Bytes as they arrive, before decoding; unlimited when omitted. */
  maxWireBytes?: number;
  /** Called once with the first `inspectBytes` decoded bytes (or all of a shorter body); may throw. */
  inspect?: (head: Buffer) => void;
  inspectBytes?: number;
}

/** Decoded body bytes. Throws FetchError('too_large') past maxBytes; stream errors propagate for mapping. */
export async function readDecodedBody(body: Readable, opts: ReadOptions): Promise<Buffer> {
  const decoders = [...opts.codings].reverse().map(decoderFor);
  const chunks: Buffer[] = [];
  let total = 0;
  let inspected = !opts.inspect;
  // Our own verdict (cap, type) must win over whatever the other stages report as they are torn down.
  let verdict: unknown;
  const inspectBytes = opts.inspectBytes ?? 512;
  const maxWire = opts.maxWireBytes ?? Infinity;
  let wire = 0;

  // A stream can decode to nothing at all (endless empty gzip members), so the decoded count alone would
  // let it run until the deadline.
  async function* countWire(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      wire += chunk.length;
      if (wire > maxWire) {
        verdict ??= new FetchError(
          'too_large',
          `The page is too large (over ${formatSize(maxWire)}) for me to read.`,
        );
        throw verdict;
      }
      yield chunk;
    }
  }

  async function collect(source: AsyncIterable<Buffer>): Promise<void> {
    try {
      await consume(source);
    } catch (err) {
      verdict ??= err;
      throw err;
    }
  }

  async function consume(source: AsyncIterable<Buffer>): Promise<void> {
    for await (const chunk of source) {
      total += chunk.length;
      if (total > opts.maxBytes) {
        throw new FetchError(
          'too_large',
          `The page is too large (over ${formatSize(opts.maxBytes)}) for me to read.`,
        );
      }
      chunks.push(chunk);
      if (!inspected && total >= inspectBytes) {
        inspected = true;
        opts.inspect?.(Buffer.concat(chunks));
      }
    }
  }

  // pipeline destroys every stage (and so the socket) when any stage fails or the cap is hit.
  try {
    await (pipeline as (...streams: unknown[]) => Promise<void>)(body, countWire, ...decoders, collect);
  } catch (err) {
    throw verdict instanceof FetchError ? verdict : err;
  }
  const bytes = Buffer.concat(chunks, total);
  if (!inspected && total > 0) opts.inspect?.(bytes);
  return bytes;
}
