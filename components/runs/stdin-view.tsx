"use client";

import type { TextPreview } from "@/lib/views/run-view-model";
import { MoreBar } from "./more-bar";
import { useChunks } from "./use-chunks";

/** The run's stdin as plain text: its first chunk, then more on demand. */
export function StdinView({ stdin, endpoint }: { stdin: TextPreview; endpoint: string }) {
  const { texts, more, busy, error } = useChunks(endpoint, [stdin]);
  const text = texts[stdin.part];
  return (
    <>
      <pre
        data-testid="run-stdin"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region needs focus for arrow keys
        tabIndex={0}
        className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap break-words rounded bg-zinc-100 p-2 font-mono dark:bg-zinc-900"
      >
        {text?.chunks.map((c) => c.text).join("")}
      </pre>
      {text?.partial && (
        <MoreBar
          label="Input"
          part={stdin.part}
          text={text}
          endpoint={endpoint}
          busy={busy !== null}
          error={error?.message}
          onMore={() => more(stdin.part)}
        />
      )}
    </>
  );
}
