/**
 * The error of every stage below the runner that prepares or reaches the environment (provisioning,
 * processes, providers); defined here, at the bottom, so those stages need not import each other.
 */
export type EnvironmentErrorCode = 'ENV_MISSING_TOOL' | 'ENV_PROVISION_FAILED' | 'ENV_START_FAILED' | 'ENV_CONFIG' | 'ENV_UNAVAILABLE';

/** An environment failure: names the component and, where there is one, the log tail. */
export class EnvironmentError extends Error {
  /** The message without the component prefix. */
  readonly detail: string;

  constructor(
    readonly code: EnvironmentErrorCode,
    readonly component: string,
    message: string,
    readonly logTail?: string,
    options?: { cause?: unknown },
  ) {
    super(`${component}: ${message}`, options);
    this.name = 'EnvironmentError';
    this.detail = message;
  }
}
