// Reads a response body through its content codings while counting *decoded* bytes, so a 50 KB gzip bomb is
// stopped at the cap rather than after it has expanded. Decoders are strict (Z_FINISH): a truncated or
// corrupt stream is an error, not a silently shorter article.
import type { Readable, Transform } from 'node:stream';
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

function decoderFor(coding: string): Transform {
  if (coding === 'br') return zlib.createBrotliDecompress();
  if (coding === 'deflate') return zlib.createInflate();
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
