// The worker thread's side of extract-in-worker.ts: reads one page per message, replies with the article or
// with the error a user would be told.
import { parentPort } from 'node:worker_threads';
import { isNewsdeskError } from '../errors';
import { extractArticle, type ExtractInput } from './extract';
import type { WorkerReply } from './extract-in-worker';

function reply(input: ExtractInput): WorkerReply {
  try {
    return { article: extractArticle(input) };
  } catch (err) {
    if (isNewsdeskError(err))
      return { refusal: { kind: err.kind, code: err.code, userMessage: err.userMessage } };
    return { failure: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}

const port = parentPort;
if (port) {
  port.on('message', (input: ExtractInput) => port.postMessage(reply(input)));
  // Loading linkedom and Readability takes a while: the time limit starts when the worker can read.
  port.postMessage('ready');
}
