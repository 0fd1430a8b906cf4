import { AnsiText } from "./ansi-text";

export interface OutputPiece {
  stage: "compile" | "run";
  stream: "stdout" | "stderr";
  text: string;
}

/**
 * Live output as it arrives (the playground): compile output first, stderr tinted. Always text,
 * never HTML. A stored run's output is StoredOutput, which loads long output in chunks.
 */
export function OutputView({
  pieces,
  placeholder,
  tail,
}: {
  pieces: OutputPiece[];
  placeholder?: string;
  /** A terminal's current line, as it looks now (it may still be edited). */
  tail?: string;
}) {
  return (
    <pre
      data-testid="output"
      aria-live="polite"
      className="h-full min-h-24 overflow-auto whitespace-pre-wrap break-words p-3 font-mono text-sm"
    >
      {pieces.length === 0 && placeholder ? <span className="text-zinc-500">{placeholder}</span> : null}
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
  );
}
