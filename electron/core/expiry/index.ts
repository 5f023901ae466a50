// When the next expiry event happens (MFA sessions expiring and expired, cached role credentials expired),
// and a scheduler that keeps a single timer for it.
export {
  DEFAULT_LEAD_MS,
  expiryState,
  planExpiryEvents,
  type ExpiryEvent,
  type ExpiryEventKind,
  type ExpiryState,
} from './events';
export { ExpiryScheduler, type ExpirySchedulerOptions } from './scheduler';
