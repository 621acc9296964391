// Which Slack message subtypes are a person writing something new. Everything else (edits, deletions, joins,
// bot messages, channel topic changes…) must never make the bot speak.
const PERSON_WRITING = new Set([
  // a thread reply also sent to the channel
  'thread_broadcast',
  // a file posted with a message, which may carry the link
  'file_share',
]);

export function writtenByPerson(subtype: string | undefined): boolean {
  return subtype === undefined || PERSON_WRITING.has(subtype);
}
