// What a person would see of a Slack message, for assertions on the text and blocks the app sent.

/** Every string of a call's text and blocks, plain_text included (the header is visible too). */
export function visibleText(args: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof args.text === 'string') parts.push(args.text);
  const blocks = typeof args.blocks === 'string' ? JSON.parse(args.blocks) : args.blocks;
  parts.push(JSON.stringify(blocks ?? []));
  return parts.join('\n');
}

/**
 * What Slack parses as mrkdwn in a call: the top-level text and every mrkdwn text object. plain_text objects
 * (the header) are shown literally and can neither ping anyone nor form a link.
 */
export function mrkdwnOf(args: Record<string, unknown>): string {
  const out: string[] = typeof args.text === 'string' ? [args.text] : [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(typeof args.blocks === 'string' ? JSON.parse(args.blocks) : args.blocks);
  return out.join('\n');
}
