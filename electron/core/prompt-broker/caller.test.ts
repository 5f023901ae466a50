import { describe, expect, it } from 'vitest';
import { callerLabel, describeCaller, programOf, shortFolder, type ProcessTable } from './caller';

function table(entries: Record<number, [string, number]>): ProcessTable {
  return { read: async (pid) => (entries[pid] ? { name: entries[pid][0], parent: entries[pid][1] } : undefined) };
}

describe('who is asking', () => {
  it('names the nearest program above the shells git runs helpers through, and git by its own name', async () => {
    // git push → git-remote-https (comm is cut to 15 characters) → sh -c '!helper' → mfa-tray
    const tree = table({ 30: ['sh', 20], 20: ['git-remote-http', 10], 10: ['git', 1] });
    expect(await programOf(30, tree)).toBe('git');
    expect(await programOf(5, table({ 5: ['bash', 4], 4: ['code', 1] }))).toBe('code');
    expect(await programOf(5, table({}))).toBe('a program');
    expect(await programOf(5, table({ 5: ['sh', 4], 4: ['sh', 3], 3: ['sh', 2], 2: ['sh', 1] }))).toBe('a program');
  });

  it('shortens the home folder to ~ and keeps other folders as they are', () => {
    expect(shortFolder('/home/ana/src/myRepository', '/home/ana')).toBe('~/src/myRepository');
    expect(shortFolder('/home/ana', '/home/ana')).toBe('~');
    expect(shortFolder('/home/anabel/x', '/home/ana')).toBe('/home/anabel/x');
    expect(shortFolder('/srv/ci', '/home/ana')).toBe('/srv/ci');
  });

  it('reads this process\'s parent from /proc on Linux and says "a program" elsewhere', async () => {
    const linux = await describeCaller({ ppid: 42, cwd: () => '/srv/x', platform: 'linux' }, table({ 42: ['git', 1] }));
    expect(callerLabel(linux)).toBe('git in /srv/x');
    const mac = await describeCaller({ ppid: 42, cwd: () => '/srv/x', platform: 'darwin' }, table({ 42: ['git', 1] }));
    expect(callerLabel(mac)).toBe('a program in /srv/x');
  });
});
