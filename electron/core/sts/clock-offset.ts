// Records the Date header of every STS/IAM response: the only trustworthy clock we have to explain
// "Signature expired" (aws-vault #1049) and to show by how much this machine's clock is off.
import type { STSClient } from '@aws-sdk/client-sts';
import type { Clock } from '../time/clock';

type MiddlewareStack = STSClient['middlewareStack'];

export interface ClockOffsetProbe {
  /** Server time minus local time in ms, from the last response that carried a Date header. */
  lastOffsetMs(): number | undefined;
}

/** Adds the recorder just inside the deserializer, so it sees raw responses, errors included. */
export function recordClockOffset(stack: MiddlewareStack, clock: Clock): ClockOffsetProbe {
  let offset: number | undefined;
  stack.add(
    (next) => async (args) => {
      const result = await next(args);
      const headers = (result.response as { headers?: Record<string, string | undefined> } | undefined)?.headers;
      const serverMs = headers?.date ? Date.parse(headers.date) : Number.NaN;
      // Date has one-second resolution: compare with the middle of that second.
      if (Number.isFinite(serverMs)) offset = serverMs + 500 - clock.now();
      return result;
    },
    { step: 'deserialize', priority: 'low', name: 'mfaTrayClockOffset' },
  );
  return { lastOffsetMs: () => offset };
}
