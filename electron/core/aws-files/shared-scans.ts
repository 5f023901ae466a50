// One pass over /proc for the writes of one change. A pass reads every descriptor of every process of the user (on a
// desktop tens of thousands: over a hundred milliseconds), and the two files of a profile ask at nearly the same
// moments: before reading each file, and after the settle that both wait out together.
import type { FindOpenWriters, OpenWriter, WatchedInode } from './open-writers';
import { findOpenWriters } from './open-writers';

/** One write's door to its group's passes. */
export interface WriterScans {
  /** Who holds any of `files` open for writing (undefined where this system cannot tell), from a shared pass. */
  scan(files: readonly WatchedInode[]): Promise<OpenWriter[] | undefined>;
  /** While `waiting` lasts this write asks nothing, so the others' passes do not wait for it. */
  away<T>(waiting: Promise<T>): Promise<T>;
  /** This write is done: passes no longer wait for it. */
  leave(): void;
}

export interface ScanGroup {
  join(): WriterScans;
}

/**
 * How long a write's question waits at most for another write of its group that is busy (not waiting on anything) to
 * ask too. They are a lock and a read apart, about a millisecond, but a loaded machine stalls for tens; longer means
 * the other is held up (its lock taken by another of our processes) and the question is answered alone. A pass on a
 * desktop costs more than this wait.
 */
export const SHARED_SCAN_WAIT_MS = 50;

type State = 'busy' | 'away' | 'asking' | 'left';

interface Question {
  files: readonly WatchedInode[];
  answer: (writers: OpenWriter[] | undefined) => void;
  fail: (error: unknown) => void;
}

/** Questions asked while every other write of the group is asking too, waiting or done are answered by one pass. */
export function shareScans(find: FindOpenWriters = findOpenWriters, waitMs = SHARED_SCAN_WAIT_MS): ScanGroup {
  const states: State[] = [];
  let questions: Question[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Once a pass could not tell (no /proc), no later one can.
  let blind = false;

  const pass = (): void => {
    clearTimeout(timer);
    timer = undefined;
    const asked = questions;
    questions = [];
    for (const [index, state] of states.entries()) if (state === 'asking') states[index] = 'busy';
    let writers: OpenWriter[] | undefined;
    try {
      writers = find(unionOf(asked.map((question) => question.files)));
    } catch (error) {
      for (const question of asked) question.fail(error);
      return;
    }
    blind = writers === undefined;
    for (const question of asked) {
      question.answer(
        writers?.filter((writer) => writer.holds.some((held) => question.files.some((file) => sameInode(file, held)))),
      );
    }
  };
  const passWhenNobodyBusy = (): void => {
    if (questions.length > 0 && !states.includes('busy')) pass();
  };
  // Looked at once the current turn's promise chains have run: writes woken by the same event (the settle's end)
  // step through several awaits each, and the first to ask must not find the other still marked waiting.
  let looking: ReturnType<typeof setImmediate> | undefined;
  const lookSoon = (): void => {
    looking ??= setImmediate(() => {
      looking = undefined;
      passWhenNobodyBusy();
    });
  };

  return {
    join() {
      const index = states.push('busy') - 1;
      const become = (state: State): void => {
        if (states[index] === 'left') return;
        states[index] = state;
        lookSoon();
      };
      return {
        scan(files) {
          if (blind) return Promise.resolve(undefined);
          return new Promise((answer, fail) => {
            questions.push({ files, answer, fail });
            timer ??= setTimeout(pass, waitMs);
            become('asking');
          });
        },
        async away(waiting) {
          become('away');
          try {
            return await waiting;
          } finally {
            if (states[index] === 'away') states[index] = 'busy';
          }
        },
        leave: () => become('left'),
      };
    },
  };
}

function unionOf(lists: (readonly WatchedInode[])[]): WatchedInode[] {
  const union: WatchedInode[] = [];
  for (const file of lists.flat()) if (!union.some((known) => sameInode(known, file))) union.push(file);
  return union;
}

function sameInode(a: WatchedInode, b: WatchedInode): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}
