// The emulator's public shape: how tests start it and what they can ask of it (the admin routes see the controls).
import type { Clock } from '../../electron/core/time/clock';
import type { CodeCommitGitOptions } from './codecommit-git';
import type { FaultQueue, FaultSpec } from './faults';
import type { Seed } from './seed-schema';
import type { EmulatorState } from './state';

export interface EmulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  /** A seed object, or the path of a seed JSON file. */
  seed: Seed | string;
  /** Defaults to the system clock. */
  clock?: Clock;
  /** Also serve CodeCommit's git smart HTTP at /v1/repos/NAME from these bare repositories. */
  git?: CodeCommitGitOptions;
}

export interface StsEmulator {
  /** `http://127.0.0.1:PORT` — give it to clients as their endpoint. */
  readonly url: string;
  readonly state: EmulatorState;
  readonly faults: FaultQueue;
  /** Requests received per Action (every request counts: rejected and faulted ones too). */
  readonly calls: Map<string, number>;
  readonly clockOffsetMs: number;
  callCount(action: string): number;
  injectFault(fault: FaultSpec): void;
  /** Moves the emulator's clock (skew between it and its clients). */
  setClockOffset(ms: number): void;
  /** The emulator's time: clock.now() + offset. */
  now(): number;
  close(): Promise<void>;
}

/** Everything but the network handle, as the admin routes see it. */
export type EmulatorControls = Omit<StsEmulator, 'url' | 'close'>;
