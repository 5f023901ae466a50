export interface StartSteps {
  electronDir?: string;
  env?: NodeJS.ProcessEnv;
  stderr?: (text: string) => void;
  install?: (electronDir: string, env: NodeJS.ProcessEnv) => { ok: true } | { ok: false; reason: string };
  build?: () => number;
  launch?: (binary: string) => number;
}

export declare function electronBinary(electronDir: string, env?: NodeJS.ProcessEnv): string | undefined;
export declare function downloadHost(env?: NodeJS.ProcessEnv): string;
export declare function installElectron(
  electronDir: string,
  env?: NodeJS.ProcessEnv,
): { ok: true } | { ok: false; reason: string };
export declare function start(steps?: StartSteps): number;
