// What the preload exposes in the page, derived from the tables so the two cannot drift apart.
import type { EventName, InvokeName, PayloadOf, RequestOf, ResponseOf } from './tables';

type Capitalized<S extends string> = S extends `${infer F}${infer R}` ? `${Uppercase<F>}${R}` : S;

/** What the preload exposes as `window.mfaTray`: one method per operation, `onX` subscriptions return an unsubscribe. */
export type MfaTrayBridge = {
  [K in InvokeName]: RequestOf<K> extends undefined
    ? () => Promise<ResponseOf<K>>
    : (request: RequestOf<K>) => Promise<ResponseOf<K>>;
} & {
  [K in EventName as `on${Capitalized<K>}`]: (listener: (payload: PayloadOf<K>) => void) => () => void;
};

/** The name under which the preload exposes the bridge in the page. */
export const BRIDGE_KEY = 'mfaTray';
