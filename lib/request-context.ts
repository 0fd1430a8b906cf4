import { AsyncLocalStorage } from "node:async_hooks";

/** What every log line written while serving a request should carry. */
export interface RequestContext {
  requestId: string;
}

// server.ts and Next's bundles each have their own copy of this module: one store for all,
// in a process-wide slot, so what server.ts starts a request with, the route handler sees.
const SLOT = Symbol.for("runbox.requestContext");
const g = globalThis as typeof globalThis & { [SLOT]?: AsyncLocalStorage<RequestContext> };
g[SLOT] ??= new AsyncLocalStorage<RequestContext>();
const store: AsyncLocalStorage<RequestContext> = g[SLOT];

/** Run `fn` (and everything it starts) as part of the request `context`. */
export function withRequestContext<T>(context: RequestContext, fn: () => T): T {
  return store.run(context, fn);
}

/** The id of the request being served here, if any. */
export function currentRequestId(): string | undefined {
  return store.getStore()?.requestId;
}
