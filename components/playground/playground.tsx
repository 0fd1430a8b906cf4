"use client";

import type { Monaco } from "@monaco-editor/react";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { DebugPanel } from "@/components/debug/debug-panel";
import { OutputFiles } from "@/components/runs/output-files";
import { OutputView } from "@/components/runs/output-view";
import { ShareBox } from "@/components/runs/share-box";
import { CodeEditor, type EditorInstance, EditorKeysHint } from "@/components/ui/code-editor";
import { LanguageSelect } from "@/components/ui/language-select";
import type { DebugLocation } from "@/lib/debug/types";
import { outputFilesOf } from "@/lib/output-files";
import { DraftNotice, EarlierDrafts, type SeedKind } from "./draft-notice";
import { FileTabs, tabId } from "./file-tabs";
import { InputsPanel, type LimitInfo } from "./inputs-panel";
import { RunStatus } from "./run-status";
import { initialState, type PlaygroundState, reducer, workspace } from "./state";
import { type TerminalHandle, TerminalPane } from "./terminal-pane";
import { useDebugMarkers } from "./use-debug-markers";
import { usePageKeys } from "./use-page-keys";
import { useRunner } from "./use-runner";
import { useSeedOrDraft } from "./use-seed-or-draft";

export interface LanguageInfo {
  id: string;
  name: string;
  version: string;
  defaultFile: string;
  extensions: string[];
  monaco: string;
  compiled: boolean;
  /** What programs can use, shown by the language menu. */
  libraries?: string[];
}

interface Props {
  languages: LanguageInfo[];
  limits: LimitInfo;
  networkAllowed?: boolean;
  /** Code to open instead of the draft (a fork of a share, or "open in editor" of a run). */
  seed?: Omit<PlaygroundState, "run">;
  seedKind?: SeedKind;
  /** Run the seed as soon as it is loaded: only for the visitor's own run ("Run again"), never a fork. */
  autorun?: boolean;
}

const EDITOR_PANEL = "editor-panel";

export function Playground({ languages, limits, networkAllowed, seed, seedKind, autorun }: Props) {
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
  const latest = useRef(state);
  latest.current = state;
  const statusRef = useRef<HTMLDivElement>(null);
  const runButton = useRef<HTMLButtonElement>(null);

  const running = state.run.phase === "starting" || state.run.phase === "running";
  const runLatest = () => {
    if (latest.current.run.phase === "starting" || latest.current.run.phase === "running") return;
    void run(latest.current);
    // On a phone the result bar is below the editor: bring it into view.
    if (!window.matchMedia("(min-width: 1024px)").matches)
      statusRef.current?.scrollIntoView({ block: "start", behavior: "smooth" });
  };
  const keys = useRef({ run: runLatest, stop: () => void stop(), running });
  keys.current = { run: runLatest, stop: () => void stop(), running };
  usePageKeys(keys);

  const drafts = useSeedOrDraft({
    state,
    dispatch,
    seed,
    seedKind,
    knownLanguage: (id) => languages.some((l) => l.id === id),
    // A fork runs only on a click: Run takes focus, so it is one key or click away.
    onSeeded: () => (autorun ? keys.current.run() : runButton.current?.focus()),
  });

  const editorRef = useRef<{ editor: EditorInstance; monaco: Monaco } | null>(null);
  const [monaco, setMonaco] = useState<Monaco>();
  const onMount = (editor: EditorInstance, m: Monaco) => {
    editorRef.current = { editor, monaco: m };
    editor.addCommand(m.KeyMod.CtrlCmd | m.KeyCode.Enter, () => keys.current.run());
    setMonaco(m);
  };
  const debug = state.run.phase === "done" ? state.run.outcome?.debug : undefined;
  const { markStale } = useDebugMarkers(monaco, debug, state.language, state.run.phase);

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
  // What the run wrote under /box/out: listed here, the bytes come from the file route.
  const produced = outputFilesOf(outcome?.run);

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      {drafts.notice && (
        <DraftNotice
          kind={drafts.notice.kind}
          kept={Boolean(drafts.notice.previous)}
          storageFull={Boolean(drafts.notice.previous && !drafts.notice.backupId)}
          onRestore={drafts.restorePrevious}
          onDismiss={drafts.dismiss}
        />
      )}
      <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <h1 className="mr-1 font-semibold">Playground</h1>
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
            className="rounded bg-red-700 px-4 py-1.5 font-medium text-white hover:bg-red-800"
            title="Stop (Escape)"
          >
            <span aria-hidden>■ </span>Stop
          </button>
        ) : (
          <button
            type="button"
            data-testid="run"
            ref={runButton}
            onClick={runLatest}
            className="rounded bg-emerald-700 px-4 py-1.5 font-medium text-white hover:bg-emerald-800"
            title="Run (Ctrl+Enter)"
          >
            <span aria-hidden>▶ </span>Run
          </button>
        )}
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <EarlierDrafts backups={drafts.backups} onRestore={drafts.restoreBackup} />
          {state.run.phase === "done" && state.run.id && outcome && (
            <ShareBox runId={state.run.id} key={state.run.id} />
          )}
        </div>
      </div>

      <div className="grid min-h-0 flex-1 grid-cols-1 lg:grid-cols-2 lg:grid-rows-[minmax(0,1fr)]">
        <section
          aria-label="Code"
          className="flex h-[60dvh] min-h-72 flex-col border-zinc-200 lg:h-auto lg:min-h-0 lg:border-r dark:border-zinc-800"
        >
          {lang && (
            <FileTabs workspace={ws} extension={lang.extensions[0] ?? ""} dispatch={dispatch} panelId={EDITOR_PANEL} />
          )}
          <div
            id={EDITOR_PANEL}
            role="tabpanel"
            aria-labelledby={tabId(ws.active)}
            className="min-h-0 flex-1 border-t border-zinc-200 dark:border-zinc-800"
          >
            {file && (
              <CodeEditor
                label={`Code of ${file.name}`}
                path={`${state.language}/${file.name}`}
                language={lang?.monaco ?? "plaintext"}
                value={file.content}
                onChange={(content) => {
                  dispatch({ type: "edit", content });
                  markStale();
                }}
                onMount={onMount}
              />
            )}
          </div>
          <EditorKeysHint run="runs" />
        </section>
        <section aria-label="Run" className="flex min-h-0 flex-col">
          <div className="h-44 shrink-0 border-b border-zinc-200 lg:h-[30%] lg:min-h-32 dark:border-zinc-800">
            <InputsPanel
              state={state}
              dispatch={dispatch}
              limits={limits}
              compiled={Boolean(lang?.compiled)}
              networkAllowed={networkAllowed}
              fieldErrors={state.run.error?.fieldErrors}
            />
          </div>
          <div className="shrink-0 scroll-mt-2 border-b border-zinc-200 dark:border-zinc-800" ref={statusRef}>
            <RunStatus run={state.run} />
          </div>
          {debug && (
            <div className="max-h-[50dvh] shrink-0 overflow-auto border-b border-zinc-200 p-2 lg:max-h-[40%] dark:border-zinc-800">
              <DebugPanel report={debug} language={state.language} onLocate={locate} />
            </div>
          )}
          {/* Sized by the layout, never by the terminal's content (fitting it would grow it for ever). */}
          <div className="relative h-[60dvh] min-h-40 lg:h-auto lg:min-h-24 lg:flex-1">
            <TerminalPane
              onReady={(h) => {
                terminal.current = h;
              }}
              onData={type}
              onResize={resize}
            />
            {/* The same output as text, read out by screen readers (the terminal is a canvas of cells). */}
            <div className="sr-only">
              <OutputView pieces={state.run.chunks} tail={state.run.tail} runKey={state.run.seq} focusable={false} />
            </div>
          </div>
          {state.run.phase === "done" && state.run.id && (produced.files.length > 0 || produced.dropped > 0) && (
            <div className="shrink-0 border-t border-zinc-200 p-2 lg:max-h-[45%] lg:overflow-auto dark:border-zinc-800">
              <OutputFiles
                key={state.run.id}
                files={produced.files}
                dropped={produced.dropped}
                endpoint={`/api/runs/${state.run.id}/files`}
                size="medium"
              />
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
