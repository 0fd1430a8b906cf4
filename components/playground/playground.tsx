"use client";

import type { Monaco } from "@monaco-editor/react";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { DebugPanel } from "@/components/debug/debug-panel";
import { OutputView } from "@/components/runs/output-view";
import { ResultBar } from "@/components/runs/result-bar";
import { ShareBox } from "@/components/runs/share-box";
import { CodeEditor, type EditorInstance } from "@/components/ui/code-editor";
import { LanguageSelect } from "@/components/ui/language-select";
import type { DebugLocation } from "@/lib/debug/types";
import { loadDraft, saveDraft } from "./draft";
import { FileTabs } from "./file-tabs";
import { InputsPanel, type LimitInfo } from "./inputs-panel";
import { initialState, type PlaygroundState, reducer, workspace } from "./state";
import { type TerminalHandle, TerminalPane } from "./terminal-pane";
import { useRunner } from "./use-runner";

export interface LanguageInfo {
  id: string;
  name: string;
  version: string;
  defaultFile: string;
  extensions: string[];
  monaco: string;
  compiled: boolean;
}

interface Props {
  languages: LanguageInfo[];
  limits: LimitInfo;
  networkAllowed?: boolean;
  /** Code to open instead of the draft (a fork of a share, or "open in editor" of a run). */
  seed?: Omit<PlaygroundState, "run">;
  /** Run the seed as soon as it is loaded: only for the visitor's own run ("Run again"), never a fork. */
  autorun?: boolean;
}

export function Playground({ languages, limits, networkAllowed, seed, autorun }: Props) {
  const first = languages[0];
  // A seed comes with the page, so it is the first state; a draft lives in localStorage
  // and can only be read after hydration.
  const [state, dispatch] = useReducer(reducer, undefined, () =>
    seed && languages.some((l) => l.id === seed.language)
      ? { ...seed, run: initialState().run }
      : initialState(first?.id ?? "python", first?.defaultFile),
  );
  const terminal = useRef<TerminalHandle | null>(null);
  // After a run, the keyboard goes back to the editor if it was in the terminal.
  const backToEditor = useCallback((terminalHadFocus: boolean) => {
    if (terminalHadFocus) editorRef.current?.editor.focus();
  }, []);
  const { run, stop, type, resize } = useRunner(dispatch, terminal, backToEditor);
  const loaded = useRef(false);
  const latest = useRef(state);
  latest.current = state;

  // Restore the draft (or the seed) once, then autosave every change.
  useEffect(() => {
    if (loaded.current) return;
    loaded.current = true;
    if (seed) {
      window.history.replaceState(null, "", "/");
      if (autorun) runRef.current();
      return;
    }
    const draft = loadDraft(localStorage);
    if (draft && languages.some((l) => l.id === draft.language)) dispatch({ type: "load", state: draft });
  }, [seed, languages, autorun]);
  useEffect(() => {
    if (loaded.current) saveDraft(localStorage, state);
  }, [state]);

  const running = state.run.phase === "starting" || state.run.phase === "running";
  const runLatest = () => {
    if (latest.current.run.phase !== "starting" && latest.current.run.phase !== "running") void run(latest.current);
  };
  const runRef = useRef(runLatest);
  runRef.current = runLatest;

  // Ctrl/Cmd+Enter anywhere on the page (Monaco gets its own binding in onMount).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        runRef.current();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const editorRef = useRef<{ editor: EditorInstance; monaco: Monaco } | null>(null);
  const [editorReady, setEditorReady] = useState(false);
  const onMount = (editor: EditorInstance, monaco: Monaco) => {
    editorRef.current = { editor, monaco };
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => runRef.current());
    setEditorReady(true);
  };

  // Markers: every located line of every file of the last run, until the code changes or it runs again.
  const [markersStale, setMarkersStale] = useState(false);
  const debug = state.run.phase === "done" ? state.run.outcome?.debug : undefined;
  useEffect(() => {
    const m = editorRef.current?.monaco;
    if (!m || !editorReady) return;
    for (const model of m.editor.getModels()) m.editor.setModelMarkers(model, "runbox", []);
    if (!debug || markersStale) return;
    const severity = m.MarkerSeverity.Error;
    const byFile = new Map<string, DebugLocation[]>();
    for (const loc of debug.locations) byFile.set(loc.file, [...(byFile.get(loc.file) ?? []), loc]);
    for (const [file, locs] of byFile) {
      const model = m.editor.getModel(m.Uri.parse(`${state.language}/${file}`));
      if (!model) continue;
      m.editor.setModelMarkers(
        model,
        "runbox",
        locs
          .filter((l) => l.line >= 1 && l.line <= model.getLineCount())
          .map((l) => ({
            severity,
            message: l.message ?? debug.title,
            startLineNumber: l.line,
            startColumn: l.column ?? model.getLineFirstNonWhitespaceColumn(l.line) ?? 1,
            endLineNumber: l.line,
            endColumn: model.getLineMaxColumn(l.line),
          })),
      );
    }
  }, [debug, markersStale, state.language, editorReady]);
  useEffect(() => {
    if (state.run.phase === "starting") setMarkersStale(false);
  }, [state.run.phase]);

  // "Go to": open the file's tab, then put the cursor on the line once its model is shown.
  const pendingLocate = useRef<DebugLocation | null>(null);
  const locate = (loc: DebugLocation) => {
    const index = workspace(state).files.findIndex((f) => f.name === loc.file);
    if (index < 0) return;
    pendingLocate.current = loc;
    dispatch({ type: "select-file", index });
    moveCursor();
  };
  const moveCursor = () => {
    const loc = pendingLocate.current;
    const ed = editorRef.current?.editor;
    if (
      !loc ||
      !ed ||
      ed.getModel()?.uri.path !== editorRef.current?.monaco.Uri.parse(`${state.language}/${loc.file}`).path
    )
      return;
    pendingLocate.current = null;
    ed.revealLineInCenter(loc.line);
    ed.setPosition({ lineNumber: loc.line, column: loc.column ?? 1 });
    ed.focus();
  };
  useEffect(moveCursor);

  const lang = languages.find((l) => l.id === state.language) ?? first;
  const ws = workspace(state);
  const file = ws.files[ws.active] ?? ws.files[0];
  const outcome = state.run.outcome;

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <LanguageSelect
          languages={languages}
          value={state.language}
          onChange={(id) =>
            dispatch({ type: "language", language: id, defaultFile: languages.find((l) => l.id === id)?.defaultFile })
          }
        />
        {running ? (
          <button
            type="button"
            data-testid="stop"
            onClick={() => void stop()}
            className="rounded bg-red-600 px-4 py-1.5 font-medium text-white hover:bg-red-700"
          >
            ■ Stop
          </button>
        ) : (
          <button
            type="button"
            data-testid="run"
            onClick={runLatest}
            className="rounded bg-emerald-600 px-4 py-1.5 font-medium text-white hover:bg-emerald-700"
            title="Run (Ctrl+Enter)"
          >
            ▶ Run
          </button>
        )}
        <span className="hidden text-xs text-zinc-500 sm:inline">Ctrl/⌘ + Enter</span>
        {state.run.phase === "done" && state.run.id && outcome && (
          <div className="ml-auto">
            <ShareBox runId={state.run.id} key={state.run.id} />
          </div>
        )}
      </div>

      <div className="grid min-h-0 flex-1 grid-cols-1 lg:grid-cols-2">
        <section
          aria-label="Code"
          className="flex min-h-[50vh] flex-col border-zinc-200 lg:min-h-0 lg:border-r dark:border-zinc-800"
        >
          {lang && <FileTabs workspace={ws} extension={lang.extensions[0] ?? ""} dispatch={dispatch} />}
          <div className="min-h-0 flex-1 border-t border-zinc-200 dark:border-zinc-800">
            {file && (
              <CodeEditor
                label={`Code of ${file.name}`}
                path={`${state.language}/${file.name}`}
                language={lang?.monaco ?? "plaintext"}
                value={file.content}
                onChange={(content) => {
                  dispatch({ type: "edit", content });
                  setMarkersStale(true);
                }}
                onMount={onMount}
              />
            )}
          </div>
        </section>
        <section aria-label="Run" className="grid min-h-0 grid-rows-[minmax(9rem,auto)_1fr]">
          <div className="border-b border-zinc-200 dark:border-zinc-800">
            <InputsPanel
              state={state}
              dispatch={dispatch}
              limits={limits}
              compiled={Boolean(lang?.compiled)}
              networkAllowed={networkAllowed}
              fieldErrors={state.run.error?.fieldErrors}
            />
          </div>
          <div className="flex min-h-64 flex-col">
            <div className="flex items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
              {state.run.phase === "starting" && <span data-testid="run-phase">Starting…</span>}
              {state.run.phase === "running" && (
                <span data-testid="run-phase" className="animate-pulse">
                  Running…
                </span>
              )}
              {state.run.phase === "running" && state.run.terminal && (
                <span data-testid="terminal-hint" className="text-xs text-zinc-500">
                  Type in the terminal · Enter sends a line · Ctrl-D ends input · Ctrl-C interrupts
                </span>
              )}
              {state.run.error && (
                <p role="alert" data-testid="run-error" className="text-sm text-red-700 dark:text-red-400">
                  {state.run.error.message}
                </p>
              )}
              {outcome && <ResultBar outcome={outcome} />}
              {state.run.phase === "idle" && (
                <span className="text-sm text-zinc-500">Output appears here; type in it when your program asks.</span>
              )}
            </div>
            {debug && (
              <div className="border-b border-zinc-200 p-2 dark:border-zinc-800">
                <DebugPanel report={debug} language={state.language} onLocate={locate} />
              </div>
            )}
            {/* Sized by the layout, never by the terminal's content (fitting it would grow it for ever). */}
            <div className="relative min-h-48 flex-1">
              <TerminalPane
                onReady={(h) => {
                  terminal.current = h;
                }}
                onData={type}
                onResize={resize}
              />
              {/* The same output as text, read out by screen readers (the terminal is a canvas of cells). */}
              <div className="sr-only">
                <OutputView pieces={state.run.chunks} tail={state.run.tail} />
              </div>
            </div>
          </div>
        </section>
      </div>
    </div>
  );
}
