import 'server-only';

/**
 * lib/assistant: the sales assistant (docs/assistant.md). A chat turn streams the chosen
 * model's answer (model.ts: OpenAI, GitHub Models, an OpenAI-compatible server, or the
 * built-in offline model) with tools that read this session's tenant only (tools.ts).
 */
export { chatReply, chatSchema, systemPrompt, MAX_MESSAGES, MAX_QUESTION } from './chat';
export { assistantModel, chooseModel, resetAssistantModelForTests, type ModelChoice } from './model';
export { assistantTools, MAX_ROWS, type AssistantTools } from './tools';
export { assistantActions, ACTION_TOOLS, type ActionTool } from './actions';
export {
  listConversations,
  getConversation,
  renameConversation,
  renameConversationSchema,
  deleteConversation,
  conversationIdSchema,
  MAX_STORED_MESSAGES,
  type Conversation,
  type ConversationSummary,
} from './conversations';
export { offlineModel, nextStep, OFFLINE_MODEL_ID } from './offline-model';
export { parsePeriod, type Range } from './period';
export { questionKind, languageOf, QUESTION_KINDS, type QuestionKind, type Language } from './intents';
export { SUGGESTIONS, type Suggestion } from './answers';
