"use client";

import Editor, { loader, type Monaco, type OnMount } from "@monaco-editor/react";
import { useTheme } from "./use-theme";

// Monaco comes from our own server (copied from node_modules to public/monaco at build),
// never from a CDN: the editor must work on a machine without internet.
loader.config({ paths: { vs: "/monaco/vs" } });

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

export function CodeEditor({ value, language, path, readOnly, onChange, onMount, label, height = "100%" }: Props) {
  const [theme] = useTheme();
  return (
    <div className="h-full min-h-0" data-testid={readOnly ? "code-viewer" : "code-editor"}>
      <Editor
        height={height}
        path={path}
        language={language}
        value={value}
        theme={theme === "dark" ? "vs-dark" : "light"}
        onChange={(v) => onChange?.(v ?? "")}
        onMount={onMount}
        loading={
          <div data-testid="editor-loading" className="p-4 text-sm text-zinc-500">
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
        }}
      />
    </div>
  );
}
