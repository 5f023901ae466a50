// The prompt broker: when a session has expired and no terminal can ask for a code, the CLI asks the running app
// over a local socket private to the user to show the token dialog, and waits (bounded) for the outcome.
//
//   askAppToRenew(target, caller, { stateDir, onWaiting }): Promise<PromptAnswer>   // CLI; AppNotRunningError
//   describeCaller(): Promise<Caller>                                                // "git in ~/src/myRepository"
//   PromptRequestSchema / PromptProgressSchema / PromptAnswerSchema, PROMPT_SOCKET(_LIMITS)  // the app's server
export { askAppToRenew } from './client';
export type { AskAppOptions } from './client';
export { callerLabel, describeCaller, programOf, shortFolder } from './caller';
export type { ProcessTable } from './caller';
export {
  CallerSchema,
  PROMPT_SOCKET,
  PROMPT_SOCKET_LIMITS,
  PromptAnswerSchema,
  PromptProgressSchema,
  PromptRequestSchema,
} from './protocol';
export type { Caller, PromptAnswer, PromptProgress, PromptRequest } from './protocol';
