"use client";

import type { OutputPreview } from "@/lib/views/run-view-model";
import { AnsiText } from "./ansi-text";
import { MoreBar } from "./more-bar";
import { useChunks } from "./use-chunks";

const LABEL = { compile: "Compile output", run: "Output" };

/**
 * The output of a finished run: compile output first, stderr tinted, always text. The page sends
 * the first chunk of each; the rest comes on demand (the live playground uses OutputView instead).
 */
export function StoredOutput({
  outputs,
  endpoint,
  transcript = false,
}: {
  outputs: OutputPreview[];
  endpoint: string;
  /** The run output is a terminal transcript: what the program printed and what was typed, as seen. */
  transcript?: boolean;
}) {
  const { texts, more, busy, error } = useChunks(endpoint, outputs);
  return (
    <section aria-label="Output" className="flex h-full min-h-40 flex-col">
      {transcript && (
        <p
          data-testid="transcript-label"
          className="border-b border-zinc-200 px-3 py-1 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400"
        >
          Terminal transcript: the program's output and what was typed, as it was seen
        </p>
      )}
      <pre
        data-testid="output"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region needs focus for arrow keys
        tabIndex={0}
        className="min-h-24 flex-1 overflow-auto whitespace-pre-wrap break-words p-3 font-mono text-sm"
      >
        {outputs.length === 0 ? <span className="text-zinc-600 dark:text-zinc-400">No output.</span> : null}
        {outputs.map((o) => (
          <span
            key={o.part}
            data-stream={o.stream}
            data-stage={o.stage}
            className={o.stream === "stderr" ? "text-red-700 dark:text-red-400" : undefined}
          >
            {texts[o.part]?.chunks.map((c) => (
              <AnsiText key={c.offset} text={c.text} style={c.style} />
            ))}
          </span>
        ))}
      </pre>
      {outputs.map((o) => {
        const text = texts[o.part];
        if (!text?.partial) return null;
        return (
          <MoreBar
            key={o.part}
            label={LABEL[o.stage]}
            part={o.part}
            text={text}
            endpoint={endpoint}
            busy={busy === o.part}
            error={error?.part === o.part ? error.message : undefined}
            onMore={() => more(o.part)}
          />
        );
      })}
    </section>
  );
}
