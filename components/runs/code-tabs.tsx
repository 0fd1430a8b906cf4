"use client";

import { useState } from "react";
import { CodeEditor } from "@/components/ui/code-editor";

/** Read-only files with tabs (run pages and share pages). */
export function CodeTabs({
  files,
  monaco,
  idPrefix,
}: {
  files: { name: string; content: string }[];
  monaco: string;
  idPrefix: string;
}) {
  const [active, setActive] = useState(0);
  const file = files[active] ?? files[0];
  return (
    <div className="flex h-full min-h-72 flex-col">
      <div role="tablist" aria-label="Files" className="flex flex-wrap gap-1 px-2 pt-1">
        {files.map((f, i) => (
          <button
            key={f.name}
            type="button"
            role="tab"
            aria-selected={i === active}
            data-testid="file-tab"
            data-name={f.name}
            onClick={() => setActive(i)}
            className={`rounded-t px-2 py-1 text-sm ${i === active ? "bg-zinc-100 font-medium dark:bg-zinc-800" : "text-zinc-500"}`}
          >
            {f.name}
          </button>
        ))}
      </div>
      <div className="min-h-72 flex-1 border-t border-zinc-200 dark:border-zinc-800">
        {file && (
          <CodeEditor
            readOnly
            label={`Code of ${file.name}`}
            path={`${idPrefix}/${file.name}`}
            language={monaco}
            value={file.content}
          />
        )}
      </div>
    </div>
  );
}
