"use client";

import { useState } from "react";
import { CodeEditor } from "@/components/ui/code-editor";

/** A submission's files in a read-only editor, one tab per file. */
export function CodeViewer({
  id,
  files,
  monaco,
}: {
  id: string;
  files: { name: string; content: string }[];
  monaco: string;
}) {
  const [active, setActive] = useState(0);
  const file = files[active] ?? files[0];
  if (!file) return null;
  return (
    <div className="flex flex-col rounded border border-zinc-300 dark:border-zinc-700">
      {files.length > 1 && (
        <div role="tablist" aria-label="Files" className="flex gap-1 border-b border-zinc-300 p-1 dark:border-zinc-700">
          {files.map((f, i) => (
            <button
              key={f.name}
              type="button"
              role="tab"
              aria-selected={i === active}
              onClick={() => setActive(i)}
              className={`rounded px-2 py-0.5 font-mono text-sm ${i === active ? "bg-zinc-200 dark:bg-zinc-700" : ""}`}
            >
              {f.name}
            </button>
          ))}
        </div>
      )}
      <div className="h-80">
        <CodeEditor
          label={`Code of ${file.name} (read-only)`}
          path={`submission/${id}/${file.name}`}
          language={monaco}
          value={file.content}
          readOnly
        />
      </div>
    </div>
  );
}
