export { startEmulator } from './server';
export type { EmulatorControls, EmulatorOptions, StsEmulator } from './server';
export type { FaultSpec } from './faults';
export { loadSeedFile, parseSeed } from './seed-schema';
export type { Seed } from './seed-schema';
