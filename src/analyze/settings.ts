/** How to reach an OpenAI-compatible Chat Completions server. Built by config.ts from the environment. */
export interface LlmSettings {
  apiKey: string;
  /** OPENAI_BASE_URL; undefined means the openai client's default. */
  baseURL?: string;
  model: string;
  /** Per-request timeout. */
  timeoutMs: number;
  /** Prompt budget for the article text, in tokens. */
  tokenBudget: number;
}
