"use client";

import Editor, { loader, type Monaco, type OnMount } from "@monaco-editor/react";
import { leaveWithEscapeThenTab } from "./editor-keyboard";
import { defineEditorThemes, EDITOR_THEMES } from "./editor-themes";
import { useTheme } from "./use-theme";

// Monaco comes from our own server (copied from node_modules to public/monaco at build),
// never from a CDN: the editor must work on a machine without internet.
loader.config({ paths: { vs: "/monaco/vs" } });

// Language services (TypeScript/JavaScript diagnostics and completion, and the editor's own
// worker) run in web workers started from a same-origin bootstrap (scripts/copy-monaco.sh).
if (typeof window !== "undefined") window.MonacoEnvironment = { getWorkerUrl: () => "/monaco/worker.js" };

export type EditorInstance = Parameters<OnMount>[0];

interface Props {
  value: string;
  language: string;
  /** Model path: one model per file, so undo history and markers stay with their file. */
  path: string;
  readOnly?: boolean;
  onChange?: (value: string) => void;
  onMount?: (editor: EditorInstance, monaco: Monaco) => void;
  label: string;
  height?: string;
}

/** The visible keyboard hint under an editable editor (Tab indents, so say how to leave). */
export function EditorKeysHint({ run }: { run?: string }) {
  return (
    <p
      data-testid="editor-keys"
      className="hidden border-t border-zinc-200 px-2 py-0.5 text-xs text-zinc-600 sm:block dark:border-zinc-800 dark:text-zinc-400"
    >
      {run && (
        <>
          <kbd>Ctrl/⌘+Enter</kbd> {run} ·{" "}
        </>
      )}
      <kbd>Esc</kbd> then <kbd>Tab</kbd> leaves the editor · <kbd>Ctrl+M</kbd> makes Tab move focus
    </p>
  );
}

export function CodeEditor({ value, language, path, readOnly, onChange, onMount, label, height = "100%" }: Props) {
  const [theme] = useTheme();
  return (
    <div className="h-full min-h-0" data-testid={readOnly ? "code-viewer" : "code-editor"}>
      <Editor
        height={height}
        path={path}
        language={language}
        value={value}
        theme={EDITOR_THEMES[theme]}
        beforeMount={defineEditorThemes}
        onChange={(v) => onChange?.(v ?? "")}
        onMount={(editor, monaco) => {
          leaveWithEscapeThenTab(editor, monaco);
          onMount?.(editor, monaco);
        }}
        loading={
          <div data-testid="editor-loading" className="p-4 text-sm text-zinc-600 dark:text-zinc-400">
            Loading the editor…
          </div>
        }
        options={{
          readOnly,
          minimap: { enabled: false },
          fontSize: 14,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          tabSize: 4,
          ariaLabel: label,
          renderValidationDecorations: "on",
          // The default dims the last line number when the file ends with a newline (1.8:1 on dark).
          renderFinalNewline: "on",
        }}
      />
    </div>
  );
}
