import type { OutputPiece } from "@/components/runs/output-view";
import type { RunOutcome } from "@/lib/runs/live-runs";
import { starterFor } from "@/lib/starters";

export interface EditorFile {
  name: string;
  content: string;
}

/** One language's files; kept per language so switching never loses work. */
export interface Workspace {
  files: EditorFile[];
  active: number;
}

/** One run of output from one stream (the same shape OutputView renders). */
export type OutputChunk = OutputPiece;

export interface RunState {
  /** Increases with every Run; events of an older run are ignored. */
  seq: number;
  phase: "idle" | "starting" | "running" | "done";
  id?: string;
  /** The run's program reads what is typed in the terminal (it has a pseudo-terminal). */
  terminal?: boolean;
  /** Why typed input does not reach this run (every interactive session was taken). */
  notice?: string;
  /** Place in the queue for a sandbox (1 = next) while the server is busy; gone once it starts. */
  queued?: number;
  /** Output as text (a terminal's as its transcript): finished parts, then the line being written. */
  chunks: OutputChunk[];
  tail?: string;
  outcome?: RunOutcome;
  error?: { message: string; fieldErrors?: Record<string, string> };
}

export interface PlaygroundState {
  language: string;
  workspaces: Record<string, Workspace>;
  stdin: string;
  /** One argument per line. */
  args: string;
  /** KEY=VALUE per line. */
  env: string;
  limits: Record<string, number>;
  /** Only offered when the admin allows network access. */
  network: boolean;
  run: RunState;
}

export type Action =
  | { type: "language"; language: string; defaultFile?: string }
  | { type: "edit"; content: string }
  | { type: "select-file"; index: number }
  | { type: "add-file"; name: string }
  | { type: "rename-file"; index: number; name: string }
  | { type: "delete-file"; index: number }
  | { type: "move-file"; from: number; to: number }
  | { type: "stdin"; value: string }
  | { type: "args"; value: string }
  | { type: "env"; value: string }
  | { type: "limit"; key: string; value: number | undefined }
  | { type: "network"; value: boolean }
  | { type: "load"; state: Omit<PlaygroundState, "run"> }
  | { type: "run-requested"; seq: number }
  | { type: "run-started"; seq: number; id: string; terminal?: boolean; notice?: string }
  | { type: "run-queued"; seq: number; position: number }
  | { type: "run-stage"; seq: number }
  | { type: "run-output"; seq: number; chunk: OutputChunk; tail?: string }
  /** The run's output is about to be replayed from its start (the events stream after a lost socket). */
  | { type: "run-replay"; seq: number }
  | { type: "run-finished"; seq: number; outcome: RunOutcome }
  | { type: "run-failed"; seq: number; message: string; fieldErrors?: Record<string, string> };

/** Output kept in the browser per run; the server caps it too, this bounds many small chunks. */
const MAX_CHUNKS = 5000;

export function initialState(language = "python", defaultFile?: string): PlaygroundState {
  return {
    language,
    workspaces: { [language]: starterWorkspace(language, defaultFile) },
    stdin: "",
    args: "",
    env: "",
    limits: {},
    network: false,
    run: { seq: 0, phase: "idle", chunks: [] },
  };
}

function starterWorkspace(language: string, defaultFile?: string): Workspace {
  const starter = starterFor(language, defaultFile);
  return { files: [{ name: starter.name, content: starter.content }], active: 0 };
}

/** The workspace of the current language. */
export function workspace(state: PlaygroundState): Workspace {
  return state.workspaces[state.language] ?? starterWorkspace(state.language);
}

function withWorkspace(state: PlaygroundState, update: (w: Workspace) => Workspace): PlaygroundState {
  return { ...state, workspaces: { ...state.workspaces, [state.language]: update(workspace(state)) } };
}

function forRun(state: PlaygroundState, seq: number, update: (r: RunState) => RunState): PlaygroundState {
  return seq === state.run.seq ? { ...state, run: update(state.run) } : state;
}

export function reducer(state: PlaygroundState, action: Action): PlaygroundState {
  switch (action.type) {
    case "language":
      if (state.workspaces[action.language]) return { ...state, language: action.language };
      return {
        ...state,
        language: action.language,
        workspaces: { ...state.workspaces, [action.language]: starterWorkspace(action.language, action.defaultFile) },
      };
    case "edit":
      return withWorkspace(state, (w) => ({
        ...w,
        files: w.files.map((f, i) => (i === w.active ? { ...f, content: action.content } : f)),
      }));
    case "select-file":
      return withWorkspace(state, (w) => ({ ...w, active: clamp(action.index, w.files.length) }));
    case "add-file":
      return withWorkspace(state, (w) => ({
        files: [...w.files, { name: action.name, content: "" }],
        active: w.files.length,
      }));
    case "rename-file":
      return withWorkspace(state, (w) => ({
        ...w,
        files: w.files.map((f, i) => (i === action.index ? { ...f, name: action.name } : f)),
      }));
    case "delete-file":
      return withWorkspace(state, (w) => {
        if (w.files.length <= 1) return w;
        const files = w.files.filter((_, i) => i !== action.index);
        const active = w.active > action.index || w.active === files.length ? w.active - 1 : w.active;
        return { files, active: clamp(active, files.length) };
      });
    case "move-file":
      return withWorkspace(state, (w) => {
        const to = clamp(action.to, w.files.length);
        if (action.from === to || !w.files[action.from]) return w;
        const files = [...w.files];
        const [moved] = files.splice(action.from, 1);
        if (moved) files.splice(to, 0, moved);
        const activeName = w.files[w.active]?.name;
        return {
          files,
          active: Math.max(
            0,
            files.findIndex((f) => f.name === activeName),
          ),
        };
      });
    case "stdin":
      return { ...state, stdin: action.value };
    case "args":
      return { ...state, args: action.value };
    case "env":
      return { ...state, env: action.value };
    case "limit": {
      const limits = { ...state.limits };
      if (action.value === undefined || Number.isNaN(action.value)) delete limits[action.key];
      else limits[action.key] = action.value;
      return { ...state, limits };
    }
    case "network":
      return { ...state, network: action.value };
    case "load":
      return { ...action.state, run: state.run };
    case "run-requested":
      return { ...state, run: { seq: action.seq, phase: "starting", chunks: [] } };
    case "run-started":
      return forRun(state, action.seq, (r) => ({
        ...r,
        phase: "running",
        id: action.id,
        ...(action.terminal ? { terminal: true } : {}),
        ...(action.notice ? { notice: action.notice } : {}),
      }));
    case "run-queued":
      return forRun(state, action.seq, (r) => ({ ...r, queued: action.position }));
    case "run-stage":
      return forRun(state, action.seq, (r) => ({ ...r, queued: undefined }));
    case "run-output":
      return forRun(state, action.seq, (r) => ({
        ...r,
        queued: undefined,
        chunks: action.chunk.text ? appendChunk(r.chunks, action.chunk) : r.chunks,
        ...(action.tail !== undefined ? { tail: action.tail } : {}),
      }));
    case "run-replay":
      return forRun(state, action.seq, (r) => ({ ...r, chunks: [], tail: undefined }));
    case "run-finished":
      return forRun(state, action.seq, (r) => ({ ...r, phase: "done", queued: undefined, outcome: action.outcome }));
    case "run-failed":
      return forRun(state, action.seq, (r) => ({
        ...r,
        phase: "done",
        queued: undefined,
        error: { message: action.message, fieldErrors: action.fieldErrors },
      }));
  }
}

/** Consecutive text of one stream merges into one chunk, so long outputs stay few nodes. */
function appendChunk(chunks: OutputChunk[], chunk: OutputChunk): OutputChunk[] {
  const last = chunks.at(-1);
  if (last && last.stage === chunk.stage && last.stream === chunk.stream) {
    return [...chunks.slice(0, -1), { ...last, text: last.text + chunk.text }];
  }
  return chunks.length >= MAX_CHUNKS ? chunks : [...chunks, chunk];
}

function clamp(i: number, length: number): number {
  return Math.min(Math.max(0, i), Math.max(0, length - 1));
}

/** The request the editor state describes (the server validates it again). */
export function toRequest(state: PlaygroundState) {
  const w = workspace(state);
  const env: Record<string, string> = {};
  for (const line of state.env.split("\n")) {
    const at = line.indexOf("=");
    if (at > 0) env[line.slice(0, at).trim()] = line.slice(at + 1);
  }
  return {
    language: state.language,
    files: w.files.map((f) => ({ name: f.name, content: f.content })),
    stdin: state.stdin,
    args: state.args === "" ? [] : state.args.split("\n"),
    env,
    limits: state.limits,
    ...(state.network ? { network: true } : {}),
  };
}
