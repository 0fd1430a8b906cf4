/**
 * A Jobe API error: an HTTP status and the message Jobe itself would send. Jobe answers errors
 * with a JSON-encoded string (CodeRunner shows it to the question author; Jobe's testsubmit.py
 * compares it), so that is the body's whole shape.
 */
export class JobeError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "JobeError";
  }
}
