"use client";

import { useRef } from "react";
import { AnsiText } from "./ansi-text";
import { useFollowTail } from "./use-follow-tail";

export interface OutputPiece {
  stage: "compile" | "run";
  stream: "stdout" | "stderr";
  text: string;
}

/**
 * Live output as it arrives (the playground): compile output first, stderr tinted. Always text,
 * never HTML. It scrolls inside itself and follows the newest line unless the reader scrolled up.
 * Not a live region: a screen reader hears the result (RunStatus), not every line. A stored
 * run's output is StoredOutput, which loads long output in chunks.
 */
export function OutputView({
  pieces,
  placeholder,
  runKey,
  tail,
  focusable = true,
}: {
  pieces: OutputPiece[];
  /** False for a copy only screen readers read: neither focusable nor a scroller of its own. */
  focusable?: boolean;
  placeholder?: string;
  /** A terminal's current line, as it looks now (it may still be edited). */
  tail?: string;
  /** Changes with every run: following the newest line starts again. */
  runKey?: unknown;
}) {
  const ref = useRef<HTMLPreElement>(null);
  useFollowTail(ref, tail ? [pieces, tail] : pieces, runKey);
  return (
    <section aria-label="Output" className="h-full">
      <pre
        ref={ref}
        data-testid="output"
        // Scrollable, so it must be reachable with the keyboard to scroll it.
        tabIndex={focusable ? 0 : undefined}
        className={`${focusable ? "h-full min-h-24 overflow-auto" : ""} whitespace-pre-wrap break-words p-3 font-mono text-sm`}
      >
        {pieces.length === 0 && placeholder ? (
          <span className="text-zinc-600 dark:text-zinc-400">{placeholder}</span>
        ) : null}
        {pieces.map((p, i) => (
          <span
            // biome-ignore lint/suspicious/noArrayIndexKey: pieces only ever grow at the end
            key={i}
            data-stream={p.stream}
            data-stage={p.stage}
            className={p.stream === "stderr" ? "text-red-700 dark:text-red-400" : undefined}
          >
            <AnsiText text={p.text} />
          </span>
        ))}
        {tail ? (
          <span data-stream="stdout" data-stage="run">
            <AnsiText text={tail} />
          </span>
        ) : null}
      </pre>
    </section>
  );
}
