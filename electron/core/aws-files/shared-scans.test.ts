import { describe, expect, it } from 'vitest';
import type { OpenWriter, WatchedInode } from './open-writers';
import { shareScans } from './shared-scans';

const credentials: WatchedInode = { dev: 1, ino: 10, realPath: '/home/u/.aws/credentials' };
const config: WatchedInode = { dev: 1, ino: 20, realPath: '/home/u/.aws/config' };

/** A finder that records each pass and reports `aws` writing the credentials file. */
function recordingFinder() {
  const passes: number[][] = [];
  const aws: OpenWriter = { pid: 12, command: 'aws', holds: [credentials] };
  const find = (files: readonly WatchedInode[]) => {
    passes.push(files.map((file) => file.ino));
    return files.some((file) => file.ino === credentials.ino) ? [aws] : [];
  };
  return { passes, find, aws };
}

describe('shareScans', () => {
  it('answers the questions of two writes with one pass, each with the writers of its own files', async () => {
    const { passes, find, aws } = recordingFinder();
    const group = shareScans(find);
    const first = group.join();
    const second = group.join();
    const asked = first.scan([credentials]);
    await Promise.resolve();
    expect(passes).toEqual([]); // the other write is busy: it is about to ask
    const answers = await Promise.all([asked, second.scan([config])]);
    expect(passes).toEqual([[10, 20]]);
    expect(answers).toEqual([[aws], []]);
  });

  it('does not wait for a write that waits on something else, or that is done', async () => {
    const { passes, find } = recordingFinder();
    const group = shareScans(find, 60_000);
    const first = group.join();
    const second = group.join();
    const third = group.join();
    let release = (): void => {};
    const away = second.away(new Promise<void>((resolve) => (release = resolve)));
    third.leave();
    expect(await first.scan([config])).toEqual([]);
    expect(passes).toEqual([[20]]);
    release();
    await away;
    // Back from its wait, the second write is busy again: the first one's next question waits for it.
    const next = first.scan([config]);
    await Promise.resolve();
    expect(passes).toHaveLength(1);
    second.leave();
    await next;
    expect(passes).toHaveLength(2);
  });

  it('answers alone once a busy write has not asked within the wait', async () => {
    const { passes, find } = recordingFinder();
    const group = shareScans(find, 5);
    const first = group.join();
    group.join(); // busy, and never asks
    expect(await first.scan([credentials, config])).toHaveLength(1);
    expect(passes).toEqual([[10, 20]]);
  });

  it('stops asking once a pass could not tell (no /proc)', async () => {
    let passes = 0;
    const group = shareScans(() => {
      passes += 1;
      return undefined;
    });
    const only = group.join();
    expect(await only.scan([credentials])).toBeUndefined();
    expect(await only.scan([credentials])).toBeUndefined();
    expect(passes).toBe(1);
  });

  it('hands a failing pass to every question it answers', async () => {
    const group = shareScans(() => {
      throw new Error('EMFILE');
    });
    const first = group.join();
    const second = group.join();
    const results = await Promise.allSettled([first.scan([credentials]), second.scan([config])]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });
});
