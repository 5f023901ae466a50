// node:crypto, loaded on first use. Its load (with the stream classes its hashes build on) costs git's credential
// helper as much as all of the helper's own work, and the helper's session check hashes nothing: the modules on
// that path take node:crypto from here instead of importing it (e2e/cli/hot-path-modules.test.ts holds the line).
import type * as NodeCrypto from 'node:crypto';

export function nodeCrypto(): typeof NodeCrypto {
  return process.getBuiltinModule('node:crypto');
}
