export { startEmulator } from './server';
export type { EmulatorControls, EmulatorOptions, StsEmulator } from './emulator-types';
export type { FaultSpec } from './faults';
export { loadSeedFile, parseSeed } from './seed-schema';
export { startTlsProxy } from './tls-proxy';
export type { TlsProxy, TlsProxyOptions } from './tls-proxy';
export type { Seed } from './seed-schema';
