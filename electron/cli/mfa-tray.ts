// `mfa-tray`: the terminal face of MFA Tray. git's credential helper command line runs from this file alone (git
// runs it on each fetch and push), with no commander and no other command's modules; everything else goes through
// the full program, loaded on demand. Built as one CommonJS file (scripts/build-node.mjs), so no top-level await.
import { gitCredential } from './commands/git-credential';
import { gitCredentialLine } from './hot-commands';
import { quietSdkNotice } from './sdk-notice';

async function main(args: readonly string[]): Promise<void> {
  const gitLine = gitCredentialLine(args);
  if (gitLine) {
    quietSdkNotice();
    await gitCredential(gitLine.profile, gitLine.operation, gitLine.options);
    return;
  }
  const { runCli } = await import('./program');
  await runCli(args);
}

void main(process.argv.slice(2));
