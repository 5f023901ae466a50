// STS parameter limits (aws-facts.md), stated once: the core checks them before calling so the user gets a
// precise message, and the field schemas, the renderer's inputs and the CLI help are built from them.
export const SESSION_DURATION = { min: 900, max: 129_600, default: 43_200 } as const;
export const ROLE_DURATION = { min: 900, max: 43_200, default: 3_600 } as const;
/** Role chaining (AssumeRole signed with any temporary credentials) is capped at one hour. */
export const ROLE_CHAINING_MAX_SECONDS = 3_600;
export const SERIAL_LENGTH = { min: 9, max: 256 } as const;
export const TOKEN_CODE_PATTERN = /^\d{6}$/;
export const ROLE_SESSION_NAME_PATTERN = /^[\w+=,.@-]{2,64}$/;
