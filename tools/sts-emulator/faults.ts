import * as z from 'zod';

export const faultSchema = z.object({
  /** Only requests with this Action; every action when absent. */
  action: z.string().min(1).optional(),
  kind: z.enum(['delay', '5xx', 'throttle', 'malformed-xml', 'drop-connection']),
  /** How many matching requests it applies to (default 1). */
  times: z.number().int().positive().default(1),
  /** Delay length for kind 'delay'. */
  ms: z.number().int().nonnegative().max(600_000).default(1000),
});

export type FaultSpec = z.input<typeof faultSchema>;
export type Fault = z.output<typeof faultSchema>;

/** Queued faults, consumed first-in first-out by the requests they match. */
export class FaultQueue {
  private faults: Fault[] = [];

  add(spec: FaultSpec): void {
    this.faults.push(faultSchema.parse(spec));
  }

  clear(): void {
    this.faults = [];
  }

  get pending(): readonly Fault[] {
    return this.faults;
  }

  /** The fault to apply to a request with `action` (counting it down), if one matches. */
  take(action: string): Fault | undefined {
    const index = this.faults.findIndex((fault) => fault.action === undefined || fault.action === action);
    if (index === -1) return undefined;
    const fault = this.faults[index]!;
    fault.times -= 1;
    if (fault.times === 0) this.faults.splice(index, 1);
    return fault;
  }
}
