import type { Caller } from './callers';
import type { SessionIssuer } from './session-tokens';
import type { EmulatorState } from './state';
import type { XmlValue } from './xml';

export interface ActionContext {
  params: URLSearchParams;
  caller: Caller;
  state: EmulatorState;
  issuer: SessionIssuer;
  nowMs: number;
}

/** Returns the `<ActionResult>` content ('' for actions with no result element). */
export type ActionHandler = (context: ActionContext) => XmlValue | Promise<XmlValue>;
