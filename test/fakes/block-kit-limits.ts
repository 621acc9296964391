/**
 * The message size and Block Kit limits real Slack enforces, so the fake answers a message Slack would
 * refuse with the same error. Sources: docs.slack.dev block reference; the ~12k total-text ceiling
 * behind `msg_blocks_too_long` is undocumented (bolt-js #2509, #2867).
 */

export const LIMITS = {
  maxBlocks: 50,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  blockId: 255,
  markdownBlockText: 12000,
  totalBlockText: 12000,
  messageText: 40000,
} as const;

export type MessageVerdict = {
  error: 'invalid_blocks' | 'msg_blocks_too_long' | 'msg_too_long' | 'no_text';
  reason: string;
};

const KNOWN_BLOCK_TYPES = new Set([
  'actions',
  'context',
  'context_actions',
  'divider',
  'file',
  'header',
  'image',
  'input',
  'markdown',
  'rich_text',
  'section',
  'table',
  'video',
]);

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** web-api sends object arguments as JSON strings inside the form; JSON bodies send them as-is. */
export function decodeJsonArg(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function textObjectProblem(obj: unknown, where: string, max: number, plainOnly = false): string | null {
  if (!isObject(obj)) return `${where} must be a text object`;
  if (obj.type !== 'plain_text' && obj.type !== 'mrkdwn') return `${where} has type ${String(obj.type)}`;
  if (plainOnly && obj.type !== 'plain_text') return `${where} must be plain_text`;
  if (typeof obj.text !== 'string' || obj.text.length === 0) return `${where} must have non-empty text`;
  if (obj.text.length > max) return `${where} is ${obj.text.length} chars, over ${max}`;
  return null;
}

function blockProblem(block: unknown, i: number): string | null {
  const at = `block ${i}`;
  if (!isObject(block)) return `${at} is not an object`;
  const type = block.type;
  if (typeof type !== 'string' || !KNOWN_BLOCK_TYPES.has(type))
    return `${at} has unknown type ${String(type)}`;
  if (block.block_id !== undefined) {
    if (typeof block.block_id !== 'string' || block.block_id.length === 0)
      return `${at} block_id must be a string`;
    if (block.block_id.length > LIMITS.blockId) return `${at} block_id over ${LIMITS.blockId} chars`;
  }
  switch (type) {
    case 'section': {
      if (block.text === undefined && block.fields === undefined)
        return `${at} (section) needs text or fields`;
      if (block.text !== undefined) {
        const p = textObjectProblem(block.text, `${at} (section) text`, LIMITS.sectionText);
        if (p) return p;
      }
      if (block.fields !== undefined) {
        if (!Array.isArray(block.fields) || block.fields.length === 0)
          return `${at} (section) fields must be a list`;
        if (block.fields.length > LIMITS.sectionFields)
          return `${at} (section) has over ${LIMITS.sectionFields} fields`;
        for (const [j, f] of block.fields.entries()) {
          const p = textObjectProblem(f, `${at} (section) field ${j}`, LIMITS.sectionFieldText);
          if (p) return p;
        }
      }
      return null;
    }
    case 'header':
      return textObjectProblem(block.text, `${at} (header) text`, LIMITS.headerText, true);
    case 'context': {
      const els = block.elements;
      if (!Array.isArray(els) || els.length === 0) return `${at} (context) needs elements`;
      if (els.length > LIMITS.contextElements)
        return `${at} (context) has ${els.length} elements, over ${LIMITS.contextElements}`;
      for (const [j, el] of els.entries()) {
        if (isObject(el) && el.type === 'image') continue;
        const p = textObjectProblem(el, `${at} (context) element ${j}`, LIMITS.sectionText);
        if (p) return p;
      }
      return null;
    }
    case 'actions': {
      const els = block.elements;
      if (!Array.isArray(els) || els.length === 0) return `${at} (actions) needs elements`;
      if (els.length > LIMITS.actionsElements)
        return `${at} (actions) has over ${LIMITS.actionsElements} elements`;
      return null;
    }
    case 'markdown':
      if (typeof block.text !== 'string' || block.text.length === 0) return `${at} (markdown) needs text`;
      if (block.text.length > LIMITS.markdownBlockText)
        return `${at} (markdown) text over ${LIMITS.markdownBlockText}`;
      return null;
    case 'image':
      if (typeof block.alt_text !== 'string') return `${at} (image) needs alt_text`;
      if (typeof block.image_url !== 'string' && !isObject(block.slack_file))
        return `${at} (image) needs image_url`;
      return null;
    case 'rich_text':
      if (!Array.isArray(block.elements)) return `${at} (rich_text) needs elements`;
      return null;
    default:
      return null;
  }
}

/** Sum of every `text` string anywhere in the blocks: what Slack's undocumented total ceiling counts. */
export function totalBlockText(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + totalBlockText(v), 0);
  if (!isObject(value)) return 0;
  let n = 0;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'text' && typeof v === 'string') n += v.length;
    else n += totalBlockText(v);
  }
  return n;
}

/** Problems with a `blocks` argument alone (also used for response_url bodies and chat.stopStream). */
export function checkBlocks(rawBlocks: unknown): MessageVerdict | null {
  if (rawBlocks === undefined) return null;
  const blocks = decodeJsonArg(rawBlocks);
  if (!Array.isArray(blocks)) return { error: 'invalid_blocks', reason: 'blocks is not a JSON array' };
  if (blocks.length > LIMITS.maxBlocks) {
    return { error: 'invalid_blocks', reason: `${blocks.length} blocks, over ${LIMITS.maxBlocks}` };
  }
  const ids = new Set<string>();
  for (const [i, block] of blocks.entries()) {
    const p = blockProblem(block, i);
    if (p) return { error: 'invalid_blocks', reason: p };
    const id = (block as Json).block_id;
    if (typeof id === 'string') {
      if (ids.has(id)) return { error: 'invalid_blocks', reason: `duplicate block_id ${id}` };
      ids.add(id);
    }
  }
  const total = totalBlockText(blocks);
  if (total > LIMITS.totalBlockText) {
    return {
      error: 'msg_blocks_too_long',
      reason: `${total} chars of block text, over ~${LIMITS.totalBlockText}`,
    };
  }
  return null;
}

function present(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '';
}

/** What Slack answers a message-posting call (or response_url body) with, or null if it would accept it. */
export function checkMessage(args: Record<string, unknown>): MessageVerdict | null {
  const attachments = decodeJsonArg(args.attachments);
  const hasAttachments = Array.isArray(attachments) && attachments.length > 0;
  const blocks = decodeJsonArg(args.blocks);
  const hasBlocks = Array.isArray(blocks) ? blocks.length > 0 : present(blocks);
  if (!present(args.text) && !hasBlocks && !hasAttachments && !present(args.markdown_text)) {
    return { error: 'no_text', reason: 'neither text nor blocks' };
  }
  if (typeof args.text === 'string' && args.text.length > LIMITS.messageText) {
    return { error: 'msg_too_long', reason: `text is ${args.text.length} chars, over ${LIMITS.messageText}` };
  }
  return checkBlocks(args.blocks);
}
