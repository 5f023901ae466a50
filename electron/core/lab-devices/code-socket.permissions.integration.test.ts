// Another local user must never reach the lab socket, whatever the umask and however loose an existing state folder
// is: an attacker process running as `nobody` spins on connect() while the app's server starts and stops 300 times
// with a 0755 state folder and umask 000 or 002. Needs root (to run the attacker as nobody via setpriv).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as timers from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { labSocketPath, startLabSocketServer } from './code-socket';

const STARTS = 300;
const CODE = '424242';
const canRunAsNobody = process.getuid?.() === 0 && existsSync('/usr/bin/setpriv') && existsSync('/usr/bin/python3');

// Connects as fast as it can; prints CONNECT for every connection it got and CODE for every code it read.
const ATTACKER = `
import socket, sys
path = sys.argv[1]
while True:
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.connect(path)
    except OSError:
        s.close()
        continue
    print('CONNECT', flush=True)
    try:
        s.sendall(b'{"op":"code","serial":"arn:aws:iam::111111111111:mfa/lab"}\\n')
        s.settimeout(2)
        data = s.recv(4096)
        if b'${CODE}' in data:
            print('CODE', flush=True)
    except OSError:
        pass
    s.close()
`;

describe.skipIf(!canRunAsNobody)('lab socket permissions (as root: another user is `nobody`)', () => {
  it(`another user never connects nor reads a code over ${STARTS} starts (0755 state folder, umask 000/002)`, async () => {
    const parent = await mkdtemp(join(tmpdir(), 'mfa-lab-perm-'));
    await chmod(parent, 0o755); // nobody may walk up to the state folder, as in a home folder that is 0755
    const stateDir = join(parent, 'state');
    const attacker = spawn(
      '/usr/bin/setpriv',
      ['--reuid=65534', '--regid=65534', '--clear-groups', '/usr/bin/python3', '-c', ATTACKER, labSocketPath(stateDir)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    attacker.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const umask = process.umask();
    try {
      for (let start = 0; start < STARTS; start += 1) {
        // An existing state folder that someone (or an older version) left world-readable.
        await mkdir(stateDir, { recursive: true });
        await chmod(stateDir, 0o755);
        process.umask(start % 2 === 0 ? 0o000 : 0o002);
        const server = await startLabSocketServer(stateDir, async () => ({ ok: true, message: '', currentCode: CODE }));
        await timers.setTimeout(2);
        await server.close();
      }
    } finally {
      process.umask(umask);
      attacker.kill('SIGTERM');
      await new Promise((done) => attacker.once('exit', done));
      await rm(parent, { recursive: true, force: true });
    }
    const count = (word: string) => output.split('\n').filter((line) => line === word).length;
    console.log(
      `lab socket: ${STARTS} starts, nobody connected ${count('CONNECT')} times, read ${count('CODE')} codes`,
    );
    expect({ connects: count('CONNECT'), codes: count('CODE') }).toEqual({ connects: 0, codes: 0 });
  });
});
