// LogicalResult: success or failure of an IR operation, as in MLIR.

/** The outcome of a fallible step. A failed result has already reported why (a diagnostic). */
export interface LogicalResult {
  readonly failed: boolean;
}

const SUCCESS: LogicalResult = Object.freeze({ failed: false });
const FAILURE: LogicalResult = Object.freeze({ failed: true });

export function success(): LogicalResult {
  return SUCCESS;
}
export function failure(): LogicalResult {
  return FAILURE;
}
export function succeeded(r: LogicalResult): boolean {
  return !r.failed;
}
export function failed(r: LogicalResult): boolean {
  return r.failed;
}
