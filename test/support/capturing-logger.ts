import { LogLevel, type Logger } from '@slack/bolt';

/** A Bolt logger that keeps warnings and errors in memory instead of printing them. */
export function capturingLogger(logs: string[]): Logger {
  let level = LogLevel.INFO;
  const keep =
    (kind: string) =>
    (...msg: unknown[]) => {
      logs.push(`${kind} ${msg.map((m) => (m instanceof Error ? m.message : String(m))).join(' ')}`);
    };
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: keep('warn'),
    error: keep('error'),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
