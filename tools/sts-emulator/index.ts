export { startEmulator } from './server';
export type { EmulatorControls, EmulatorOptions, StsEmulator } from './server';
export type { FaultSpec } from './faults';
export { loadSeedFile, parseSeed, SeedError } from './seed-schema';
export type { Seed } from './seed-schema';
export { ADMIN_PREFIX } from './admin';
