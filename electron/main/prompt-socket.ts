// The prompt socket's server: thin glue from app-state's local socket to the app service's requestRenewalFor.
// The protocol and its limits are core/prompt-broker's; what to do with a request is the service's.
import type { AppService } from '../app';
import { startLocalSocketServer, type LocalSocketServer } from '../core/app-state';
import {
  PROMPT_SOCKET,
  PROMPT_SOCKET_LIMITS,
  PromptRequestSchema,
  type PromptAnswer,
  type PromptProgress,
  type PromptRequest,
} from '../core/prompt-broker';

export function startPromptSocketServer(
  stateDir: string,
  service: Pick<AppService, 'requestRenewalFor'>,
  platform: NodeJS.Platform = process.platform,
): Promise<LocalSocketServer> {
  return startLocalSocketServer<PromptRequest, PromptAnswer, PromptProgress>(stateDir, {
    spec: PROMPT_SOCKET,
    schema: PromptRequestSchema,
    limits: PROMPT_SOCKET_LIMITS,
    handle: (request, connection) => service.requestRenewalFor(request.caller, request.target, connection),
    refusal: (message) => ({ kind: 'refused', message }),
    platform,
  });
}
