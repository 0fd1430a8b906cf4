"use client";

import type { Monaco } from "@monaco-editor/react";
import { useEffect, useState } from "react";
import type { DebugLocation, DebugReport } from "@/lib/debug/types";

/**
 * Squiggles on every located line of every file of the last run, until the code changes
 * (`markStale`) or it runs again (`phase` becomes "starting").
 */
export function useDebugMarkers(
  monaco: Monaco | undefined,
  debug: DebugReport | null | undefined,
  language: string,
  phase: string,
) {
  const [stale, setStale] = useState(false);
  useEffect(() => {
    if (!monaco) return;
    for (const model of monaco.editor.getModels()) monaco.editor.setModelMarkers(model, "runbox", []);
    if (!debug || stale) return;
    const byFile = new Map<string, DebugLocation[]>();
    for (const loc of debug.locations) byFile.set(loc.file, [...(byFile.get(loc.file) ?? []), loc]);
    for (const [file, locs] of byFile) {
      const model = monaco.editor.getModel(monaco.Uri.parse(`${language}/${file}`));
      if (!model) continue;
      monaco.editor.setModelMarkers(
        model,
        "runbox",
        locs
          .filter((l) => l.line >= 1 && l.line <= model.getLineCount())
          .map((l) => ({
            severity: monaco.MarkerSeverity.Error,
            message: l.message ?? debug.title,
            startLineNumber: l.line,
            startColumn: l.column ?? model.getLineFirstNonWhitespaceColumn(l.line) ?? 1,
            endLineNumber: l.line,
            endColumn: model.getLineMaxColumn(l.line),
          })),
      );
    }
  }, [monaco, debug, stale, language]);
  useEffect(() => {
    if (phase === "starting") setStale(false);
  }, [phase]);
  return { markStale: () => setStale(true) };
}
