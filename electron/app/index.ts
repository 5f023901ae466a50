export { createAppService } from './app-service';
export type { AppService, ExpirySchedule, LabSessionFacts, ServiceEvent, ServiceListener } from './app-service';
export { createIpcHandlers } from './ipc-handlers';
export type { CallerContext, OperationHandler, OperationHandlers, WindowCloser } from './ipc-handlers';
export { createIpcDispatcher, IpcRejectedError } from './ipc-dispatcher';
export type { IpcDispatcher, SenderCheck } from './ipc-dispatcher';
export { createCorePorts } from './core-ports';
export type { CorePortsOptions } from './core-ports';
export type { LabDeviceActions } from './lab-device-actions';
export type {
  AppServiceDeps,
  AwsFileLocations,
  CorePorts,
  RenewRequest,
  ServiceLog,
  ShellCapabilities,
  WizardOperations,
} from './ports';
