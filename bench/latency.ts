// Ack latency and time-to-answer through the HTTP path: signed Events API requests to the real Bolt
// HTTPReceiver, the real fetcher/extractor/analyzer on the seed article served locally, replies to the fake
// Slack. Each run uses a distinct URL so the cache never answers. Prints medians of N runs (default 20).
import {
  accepted,
  eventBody,
  mention,
  postEvent,
  postForm,
  slashCommand,
  startHarness,
} from '../test/e2e/harness';

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 20);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.9) - 1]!;

async function main() {
  const h = await startHarness();
  const acks: number[] = [];
  const firstSign: number[] = [];
  const answers: number[] = [];
  const commandAcks: number[] = [];
  const commandAnswers: number[] = [];
  try {
    // one warm-up run (module loading, JIT) that is not counted
    for (let i = -1; i < runs; i++) {
      const channel = `CBENCH${i + 1}`;
      const ev = mention(`<${h.articles.origin}/seed?run=${i}>`, { channel });
      const started = performance.now();
      const res = await postEvent(h, eventBody(ev));
      if (res.status !== 200) throw new Error(`event answered ${res.status}`);
      const ackMs = performance.now() - started;
      await h.slack.waitFor(() => accepted(h, 'chat.postMessage', channel).length > 0, 10_000);
      const signMs = performance.now() - started;
      await h.slack.waitFor(() => accepted(h, 'chat.update', channel).length > 0, 20_000);
      const answerMs = performance.now() - started;
      if (i >= 0) {
        acks.push(ackMs);
        firstSign.push(signMs);
        answers.push(answerMs);
      }
    }
    for (let i = -1; i < runs; i++) {
      const cmd = slashCommand(h, `${h.articles.origin}/seed?command=${i}`);
      const started = performance.now();
      const ack = await postForm(h, cmd);
      if (ack.status !== 200) throw new Error(`command answered ${ack.status}`);
      const ackMs = performance.now() - started;
      const id = cmd.response_url.split('/').pop();
      await h.slack.waitFor(() => h.slack.responses.some((r) => r.id === id), 20_000);
      if (i >= 0) {
        commandAcks.push(ackMs);
        commandAnswers.push(performance.now() - started);
      }
    }
  } finally {
    await h.close();
  }
  const fmt = (xs: number[]) =>
    `median ${median(xs).toFixed(1)} ms, p90 ${p90(xs).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;
  console.log(`HTTP path, seed article, offline analyzer, ${runs} runs (node ${process.version})`);
  console.log(`  ack (HTTP 200 to Slack):        ${fmt(acks)}`);
  console.log(`  sign of life (placeholder):     ${fmt(firstSign)}`);
  console.log(`  time to answer (chat.update):   ${fmt(answers)}`);
  console.log(`  /summarize ack:                 ${fmt(commandAcks)}`);
  console.log(`  /summarize answer (response_url): ${fmt(commandAnswers)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
