import { createOpenAI } from '@ai-sdk/openai';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { config, type Config } from '@/lib/platform/config';
import { offlineModel, OFFLINE_MODEL_ID } from './offline-model';

/**
 * Which model answers, chosen once per process from the environment (docs/assistant.md):
 * `OPENAI_API_KEY` → OpenAI; else `GITHUB_TOKEN` → GitHub Models' OpenAI-compatible endpoint;
 * else `OPENAI_BASE_URL` → any OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio);
 * else the built-in offline model. `ASSISTANT_PROVIDER` forces one (tests force `offline`).
 */
export type ModelChoice = { provider: 'openai' | 'github' | 'compatible' | 'offline'; modelId: string; model: LanguageModelV3 };

export function chooseModel(env: Config): ModelChoice {
  const provider =
    env.ASSISTANT_PROVIDER !== 'auto' ? env.ASSISTANT_PROVIDER : env.OPENAI_API_KEY ? 'openai' : env.GITHUB_TOKEN ? 'github' : env.OPENAI_BASE_URL ? 'compatible' : 'offline';
  const modelId = env.ASSISTANT_MODEL;
  switch (provider) {
    case 'openai':
      return { provider, modelId, model: createOpenAI({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL }).chat(modelId) };
    case 'github':
      return { provider, modelId, model: createOpenAI({ apiKey: env.GITHUB_TOKEN, baseURL: env.GITHUB_MODELS_URL, name: 'github-models' }).chat(modelId) };
    case 'compatible':
      // Self-hosted servers mostly ignore the key, but the client insists on one.
      return { provider, modelId, model: createOpenAI({ apiKey: env.OPENAI_API_KEY ?? 'not-needed', baseURL: env.OPENAI_BASE_URL, name: 'openai-compatible' }).chat(modelId) };
    case 'offline':
      return { provider, modelId: OFFLINE_MODEL_ID, model: offlineModel() };
  }
}

let chosen: ModelChoice | undefined;

export function assistantModel(): ModelChoice {
  chosen ??= chooseModel(config());
  return chosen;
}

/** Tests switch the environment between files, or script the model (`ai/test`'s MockLanguageModelV3). */
export function resetAssistantModelForTests(scripted?: ModelChoice): void {
  chosen = scripted;
}
