"use client";

import { type RefObject, useCallback, useRef } from "react";
import { startRun } from "@/app/actions";
import type { LiveEvent } from "@/lib/runs/live-runs";
import { TranscriptCooker } from "@/lib/terminal/transcript";
import { type Action, type PlaygroundState, toRequest } from "./state";
import type { TerminalHandle } from "./terminal-pane";

/** What the terminal socket sends: the run's events, and notices for the person at the terminal. */
type SocketEvent = LiveEvent | { type: "notice"; message: string };

const RED = (text: string) => `\x1b[31m${text}\x1b[39m`;
const NOTICE = (text: string) => `\x1b[33m${text}\x1b[39m\r\n`;

interface Current {
  seq: number;
  id?: string;
  socket?: WebSocket;
  /** Typed input goes to the program (it has a terminal and is running). */
  input: boolean;
  /** The transcript as text, for the output mirror (screen readers, copy, tests). */
  cooker?: TranscriptCooker;
  finished: boolean;
}

/**
 * Run and Stop. The run starts through a server action; its output and what the person types
 * travel over the terminal socket (/api/runs/{id}/terminal), and Stop is a route handler, so it
 * never waits behind the run. If the socket cannot be used, the events stream finishes the job.
 */
export function useRunner(
  dispatch: (a: Action) => void,
  terminal: RefObject<TerminalHandle | null>,
  onSettled?: (terminalHadFocus: boolean) => void,
) {
  const current = useRef<Current>({ seq: 0, input: false, finished: true });

  const handle = useCallback(
    (e: SocketEvent, run: Current) => {
      if (run !== current.current) return;
      const term = terminal.current;
      if (e.type === "output") {
        const transcript = run.cooker && e.stage === "run";
        term?.write(!transcript && e.stream === "stderr" ? RED(e.text) : e.text);
        if (transcript && run.cooker) {
          run.cooker.push(e.text);
          const { committed, tail } = run.cooker.take();
          dispatch({
            type: "run-output",
            seq: run.seq,
            chunk: { stage: e.stage, stream: e.stream, text: committed },
            tail,
          });
        } else
          dispatch({ type: "run-output", seq: run.seq, chunk: { stage: e.stage, stream: e.stream, text: e.text } });
      } else if (e.type === "notice") term?.write(NOTICE(e.message));
      else if (e.type === "queued") dispatch({ type: "run-queued", seq: run.seq, position: e.position });
      else if (e.type === "stage") dispatch({ type: "run-stage", seq: run.seq });
      else if (e.type === "done" || e.type === "error") {
        run.finished = true;
        run.input = false;
        term?.setInput(false);
        if (e.type === "done") dispatch({ type: "run-finished", seq: run.seq, outcome: e.result });
        else dispatch({ type: "run-failed", seq: run.seq, message: e.message });
        onSettled?.(term?.hasFocus() ?? false);
      }
    },
    [dispatch, terminal, onSettled],
  );

  /** The events stream (NDJSON), replayed from the start: when the socket cannot be used. */
  const follow = useCallback(
    async (run: Current) => {
      if (!run.id || run.finished) return;
      terminal.current?.reset();
      if (run.cooker) run.cooker = new TranscriptCooker();
      dispatch({ type: "run-replay", seq: run.seq });
      try {
        const res = await fetch(`/api/runs/${run.id}/events`, { cache: "no-store" });
        if (!res.body) throw new Error("no body");
        const decoder = new TextDecoder();
        const body = res.body.getReader();
        let buffer = "";
        for (;;) {
          const { done, value } = await body.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          for (let nl = buffer.indexOf("\n"); nl >= 0; nl = buffer.indexOf("\n")) {
            const line = buffer.slice(0, nl);
            buffer = buffer.slice(nl + 1);
            if (!line) continue;
            const e = JSON.parse(line) as LiveEvent;
            if (e.type !== "stage-end") handle(e, run);
          }
        }
      } catch {
        // The result is stored either way.
      }
      if (!run.finished && run === current.current)
        dispatch({
          type: "run-failed",
          seq: run.seq,
          message: "Lost the connection to the run. Its result is in your history.",
        });
    },
    [dispatch, handle, terminal],
  );

  const run = useCallback(
    async (state: PlaygroundState) => {
      const previous = current.current;
      previous.socket?.close();
      const mine: Current = { seq: previous.seq + 1, input: false, finished: false };
      current.current = mine;
      const term = terminal.current;
      term?.reset();
      term?.setInput(false);
      dispatch({ type: "run-requested", seq: mine.seq });
      let started: Awaited<ReturnType<typeof startRun>>;
      try {
        started = await startRun(toRequest(state), { terminal: term?.size() ?? { rows: 24, cols: 80 } });
      } catch {
        dispatch({
          type: "run-failed",
          seq: mine.seq,
          message: "Could not reach the server. Check your connection and try again.",
        });
        return;
      }
      if (mine !== current.current) return;
      if (!started.ok) {
        mine.finished = true;
        dispatch({
          type: "run-failed",
          seq: mine.seq,
          message: started.error.message,
          fieldErrors: started.error.fieldErrors,
        });
        return;
      }
      mine.id = started.id;
      if (started.terminal) mine.cooker = new TranscriptCooker();
      dispatch({
        type: "run-started",
        seq: mine.seq,
        id: started.id,
        terminal: started.terminal,
        notice: started.notice,
      });
      if (started.notice) term?.write(NOTICE(started.notice));

      let socket: WebSocket;
      try {
        const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
        socket = new WebSocket(`${scheme}//${window.location.host}/api/runs/${started.id}/terminal`);
      } catch {
        void follow(mine);
        return;
      }
      mine.socket = socket;
      socket.onopen = () => {
        if (!started.terminal || mine.finished) return;
        mine.input = true;
        terminal.current?.setInput(true);
        terminal.current?.focus();
      };
      socket.onmessage = (ev) => handle(JSON.parse(String(ev.data)) as SocketEvent, mine);
      socket.onclose = () => {
        mine.input = false;
        if (!mine.finished && mine === current.current) void follow(mine);
      };
    },
    [dispatch, terminal, handle, follow],
  );

  /** What the person types: to the program, while it takes input. */
  const type = useCallback((data: string) => {
    const c = current.current;
    if (c.input && c.socket?.readyState === WebSocket.OPEN) c.socket.send(JSON.stringify({ type: "input", data }));
  }, []);

  const resize = useCallback((size: { rows: number; cols: number }) => {
    const c = current.current;
    if (c.input && c.socket?.readyState === WebSocket.OPEN) c.socket.send(JSON.stringify({ type: "resize", ...size }));
  }, []);

  const stop = useCallback(async () => {
    const id = current.current.id;
    if (id) await fetch(`/api/runs/${id}/stop`, { method: "POST" }).catch(() => {});
  }, []);

  return { run, stop, type, resize };
}
