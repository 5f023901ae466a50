export { startEmulator } from './server';
export type { EmulatorControls, EmulatorOptions, StsEmulator } from './emulator-types';
export type { FaultSpec } from './faults';
export { loadSeedFile, parseSeed } from './seed-schema';
export type { Seed } from './seed-schema';
