// `mfa-tray`: the terminal face of MFA Tray. git's credential helper and credential_process command lines run from
// this file alone (git runs one on each fetch and push, SDKs the other at each start), with no commander and no other
// command's modules; everything else goes through the full program, loaded on demand. Built as one CommonJS file
// (scripts/build-node.mjs), so no top-level await.
import { credentialProcess } from './commands/credential-process';
import { gitCredential } from './commands/git-credential';
import { credentialProcessLine, gitCredentialLine } from './hot-commands';
import { quietSdkNotice } from './sdk-notice';

async function main(args: readonly string[]): Promise<void> {
  const gitLine = gitCredentialLine(args);
  if (gitLine) {
    quietSdkNotice();
    await gitCredential(gitLine.profile, gitLine.operation, gitLine.options);
    return;
  }
  const credentialLine = credentialProcessLine(args);
  if (credentialLine) {
    quietSdkNotice();
    await credentialProcess(credentialLine.profile);
    return;
  }
  const { runCli } = await import('./program');
  await runCli(args);
}

void main(process.argv.slice(2));
