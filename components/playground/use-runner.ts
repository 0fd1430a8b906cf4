"use client";

import { useCallback, useRef } from "react";
import { startRun } from "@/app/actions";
import type { LiveEvent } from "@/lib/runs/live-runs";
import { type Action, type PlaygroundState, toRequest } from "./state";

/**
 * Run and Stop. The run starts through a server action; its output streams from a route
 * handler (NDJSON) and Stop is a route handler too, so it never waits behind the run.
 */
export function useRunner(dispatch: (a: Action) => void) {
  const seq = useRef(0);
  const current = useRef<{ id?: string; reader?: AbortController }>({});

  const run = useCallback(
    async (state: PlaygroundState) => {
      function handle(e: LiveEvent, mySeq: number) {
        if (e.type === "output")
          dispatch({ type: "run-output", seq: mySeq, chunk: { stage: e.stage, stream: e.stream, text: e.text } });
        else if (e.type === "queued") dispatch({ type: "run-queued", seq: mySeq, position: e.position });
        else if (e.type === "stage") dispatch({ type: "run-stage", seq: mySeq });
        else if (e.type === "done") dispatch({ type: "run-finished", seq: mySeq, outcome: e.result });
        else if (e.type === "error") dispatch({ type: "run-failed", seq: mySeq, message: e.message });
      }

      current.current.reader?.abort();
      const mySeq = ++seq.current;
      dispatch({ type: "run-requested", seq: mySeq });
      let started: Awaited<ReturnType<typeof startRun>>;
      try {
        started = await startRun(toRequest(state));
      } catch {
        dispatch({
          type: "run-failed",
          seq: mySeq,
          message: "Could not reach the server. Check your connection and try again.",
        });
        return;
      }
      if (!started.ok) {
        dispatch({
          type: "run-failed",
          seq: mySeq,
          message: started.error.message,
          fieldErrors: started.error.fieldErrors,
        });
        return;
      }
      const reader = new AbortController();
      current.current = { id: started.id, reader };
      dispatch({ type: "run-started", seq: mySeq, id: started.id });
      try {
        const res = await fetch(`/api/runs/${started.id}/events`, { signal: reader.signal, cache: "no-store" });
        if (!res.body) throw new Error("no body");
        const decoder = new TextDecoder();
        const body = res.body.getReader();
        let buffer = "";
        for (;;) {
          const { done, value } = await body.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let nl = buffer.indexOf("\n");
          while (nl >= 0) {
            const line = buffer.slice(0, nl);
            buffer = buffer.slice(nl + 1);
            if (line) handle(JSON.parse(line) as LiveEvent, mySeq);
            nl = buffer.indexOf("\n");
          }
        }
      } catch (err) {
        if ((err as Error).name !== "AbortError")
          dispatch({
            type: "run-failed",
            seq: mySeq,
            message: "Lost the connection to the run. Its result is in your history.",
          });
      }
    },
    [dispatch],
  );

  const stop = useCallback(async () => {
    const id = current.current.id;
    if (id) await fetch(`/api/runs/${id}/stop`, { method: "POST" }).catch(() => {});
  }, []);

  return { run, stop };
}
