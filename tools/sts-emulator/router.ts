import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../../electron/core/time/clock';
import type { ActionHandler } from './action-context';
import { authenticate } from './authenticate';
import { AwsError } from './aws-error';
import type { FaultQueue } from './faults';
import { checkIamCaller, IAM_VERSION, iamActions } from './iam-actions';
import { randomRequestId } from './identifiers';
import type { SessionIssuer } from './session-tokens';
import { parseAuthorization, type SignableRequest } from './sigv4';
import type { EmulatorState } from './state';
import { STS_VERSION, stsActions } from './sts-actions';
import { errorXml, IAM_NAMESPACE, STS_NAMESPACE, successXml } from './xml';

export interface EmulatorResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What the transport must do: answer, or cut the connection (fault injection). */
export type RouteOutcome = { kind: 'respond'; response: EmulatorResponse } | { kind: 'drop' };

interface Service {
  namespace: string;
  version: string;
  actions: Record<string, ActionHandler>;
  authorize?: typeof checkIamCaller;
}

// SigV4's credential scope names the service, exactly how AWS's shared front door tells them apart.
const SERVICES: Record<string, Service> = {
  sts: { namespace: STS_NAMESPACE, version: STS_VERSION, actions: stsActions },
  iam: { namespace: IAM_NAMESPACE, version: IAM_VERSION, actions: iamActions, authorize: checkIamCaller },
};

export interface RouterDependencies {
  state: EmulatorState;
  issuer: SessionIssuer;
  faults: FaultQueue;
  calls: Map<string, number>;
  clock: Clock;
}

export class Router {
  constructor(private readonly deps: RouterDependencies) {}

  async route(request: SignableRequest): Promise<RouteOutcome> {
    const requestId = randomRequestId();
    const params = requestParameters(request);
    const action = params.get('Action') ?? '';
    this.deps.calls.set(action, (this.deps.calls.get(action) ?? 0) + 1);

    const headers = indexHeaders(request.rawHeaders);
    const authorization = headers.get('authorization');
    let service: Service = SERVICES.sts!;
    const fault = this.deps.faults.take(action);
    if (fault?.kind === 'drop-connection') return { kind: 'drop' };
    if (fault?.kind === 'delay') await sleep(fault.ms);
    // A reply cut in half: the client sees 200 and XML it cannot parse.
    const shape = (body: string): string =>
      fault?.kind === 'malformed-xml' ? body.slice(0, Math.floor(body.length / 2)) : body;
    try {
      if (fault?.kind === 'throttle') throw new AwsError('Throttling', 'Rate exceeded', 400);
      if (fault?.kind === '5xx')
        throw new AwsError('InternalFailure', 'An internal error has occurred', 500, 'Receiver');
      if (authorization === undefined)
        throw new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
      const auth = parseAuthorization(authorization);
      const scoped = SERVICES[auth.service];
      if (!scoped)
        throw new AwsError('SignatureDoesNotMatch', `Credential should be scoped to correct service: 'sts'.`, 403);
      service = scoped;

      const nowMs = this.deps.clock.now();
      const caller = authenticate(
        { ...request, header: (name) => headers.get(name) },
        auth,
        this.deps.state,
        this.deps.issuer,
        nowMs,
      );
      const handler = Object.hasOwn(service.actions, action) ? service.actions[action] : undefined;
      if (!handler || params.get('Version') !== service.version) {
        throw new AwsError(
          'InvalidAction',
          `Could not find operation ${action} for version ${params.get('Version') ?? 'NO_VERSION_SPECIFIED'}`,
          400,
        );
      }
      const context = { params, caller, state: this.deps.state, issuer: this.deps.issuer, nowMs };
      service.authorize?.(context);
      const result = await handler(context);
      return {
        kind: 'respond',
        response: this.response(200, requestId, shape(successXml(service.namespace, action, result, requestId))),
      };
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      return {
        kind: 'respond',
        response: this.response(error.status, requestId, shape(errorXml(service.namespace, error, requestId))),
      };
    }
  }

  private response(status: number, requestId: string, body: string): EmulatorResponse {
    return {
      status,
      headers: {
        'content-type': 'text/xml',
        'x-amzn-requestid': requestId,
        // The emulator's clock, so clients can measure their skew against it (as against AWS).
        date: new Date(this.deps.clock.now()).toUTCString(),
      },
      body,
    };
  }
}

/** Query protocol parameters: the URL's query plus the form-encoded body. */
function requestParameters(request: SignableRequest): URLSearchParams {
  const queryStart = request.url.indexOf('?');
  const params = new URLSearchParams(queryStart === -1 ? '' : request.url.slice(queryStart + 1));
  for (const [name, value] of new URLSearchParams(request.body.toString('utf8'))) params.append(name, value);
  return params;
}

function indexHeaders(rawHeaders: string[]): Map<string, string> {
  const headers = new Map<string, string>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) headers.set(rawHeaders[i]!.toLowerCase(), rawHeaders[i + 1]!);
  return headers;
}
