"use client";

import { useEffect, useMemo, useState } from "react";
import { CodeEditor } from "@/components/ui/code-editor";
import { onTabKeyDown } from "@/components/ui/tab-keys";
import type { TextPreview } from "@/lib/views/run-view-model";
import { MoreBar } from "./more-bar";
import { useChunks } from "./use-chunks";

/**
 * Read-only files with tabs (run pages and share pages). The page sends the first chunk of each
 * file within a budget; longer files grow with "Show more", and a file left out is loaded when
 * its tab is opened.
 */
export function CodeTabs({
  files,
  monaco,
  idPrefix,
  endpoint,
  compact = false,
}: {
  files: { name: string; preview: TextPreview }[];
  monaco: string;
  idPrefix: string;
  endpoint: string;
  /** The embed: fits a small frame. */
  compact?: boolean;
}) {
  const [active, setActive] = useState(0);
  const { texts, more, busy, error } = useChunks(
    endpoint,
    files.map((f) => f.preview),
  );
  const file = files[active] ?? files[0];
  const text = file ? texts[file.preview.part] : undefined;
  const content = useMemo(() => text?.chunks.map((c) => c.text).join("") ?? "", [text]);
  const unloaded = text?.loaded === 0 && text.next === 0;
  useEffect(() => {
    if (file && unloaded) void more(file.preview.part);
  }, [file, unloaded, more]);
  const panelId = `${idPrefix}-panel`;
  return (
    <div className={`flex h-full flex-col ${compact ? "min-h-40" : "min-h-72"}`}>
      <div role="tablist" aria-label="Files" className="flex flex-wrap gap-1 px-2 pt-1">
        {files.map((f, i) => (
          <button
            key={f.name}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${i}`}
            aria-selected={i === active}
            aria-controls={panelId}
            tabIndex={i === active ? 0 : -1}
            data-testid="file-tab"
            data-name={f.name}
            onClick={() => setActive(i)}
            onKeyDown={(e) => onTabKeyDown(e, i, files.length, setActive)}
            className={`rounded-t px-2 py-1 text-sm ${i === active ? "bg-zinc-100 font-medium dark:bg-zinc-800" : "text-zinc-600 dark:text-zinc-400"}`}
          >
            {f.name}
          </button>
        ))}
      </div>
      {file && text?.partial && (
        <MoreBar
          label={file.name}
          part={file.preview.part}
          text={text}
          endpoint={endpoint}
          busy={busy === file.preview.part}
          error={error?.part === file.preview.part ? error.message : undefined}
          onMore={() => more(file.preview.part)}
        />
      )}
      <div
        id={panelId}
        role="tabpanel"
        aria-labelledby={`${idPrefix}-tab-${active}`}
        className={`flex-1 border-t border-zinc-200 dark:border-zinc-800 ${compact ? "min-h-0" : "min-h-72"}`}
      >
        {file && (
          <CodeEditor
            readOnly
            label={`Code of ${file.name}`}
            path={`${idPrefix}/${file.name}`}
            language={monaco}
            value={content}
          />
        )}
      </div>
    </div>
  );
}
