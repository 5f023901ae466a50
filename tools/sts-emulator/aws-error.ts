// Errors as AWS's query protocol reports them: code, message, HTTP status and fault type.
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly type: 'Sender' | 'Receiver' = 'Sender',
  ) {
    super(message);
    this.name = 'AwsError';
  }
}

// Messages observed from the real services (see docs in /work/shared/reference/aws-facts.md).
export const invalidMfaCode = (): AwsError =>
  new AwsError('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.', 403);

export const unknownMfaSerial = (): AwsError =>
  new AwsError(
    'AccessDenied',
    'MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial number is valid and associated with this user.',
    403,
  );

export const invalidClientToken = (): AwsError =>
  new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);

export const expiredToken = (): AwsError =>
  new AwsError('ExpiredToken', 'The security token included in the request is expired', 400);

export const signatureMismatch = (): AwsError =>
  new AwsError(
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    403,
  );

export const notAuthorized = (principalArn: string, action: string, resource: string): AwsError =>
  new AwsError(
    'AccessDenied',
    `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resource}`,
    403,
  );

export const noSuchUser = (userName: string): AwsError =>
  new AwsError('NoSuchEntity', `The user with name ${userName} cannot be found.`, 404);

export const validationError = (message: string): AwsError => new AwsError('ValidationError', message, 400);
