import { AnsiText } from "./ansi-text";

export interface OutputPiece {
  stage: "compile" | "run";
  stream: "stdout" | "stderr";
  text: string;
}

/** Output as it arrived: compile output first, stderr tinted. Always text, never HTML. */
export function OutputView({ pieces, placeholder }: { pieces: OutputPiece[]; placeholder?: string }) {
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
    </pre>
  );
}

/** Pieces of a finished run, for pages that show a stored result. */
export function piecesOf(
  compile: { output: string; stderr: string } | null,
  run: { stdout: string; stderr: string; output: string } | null,
): OutputPiece[] {
  const pieces: OutputPiece[] = [];
  if (compile?.output) pieces.push({ stage: "compile", stream: "stderr", text: compile.output });
  if (run) {
    // The interleaved order is kept in `output`; when it is only stdout, keep its colour.
    if (!run.stderr) pieces.push({ stage: "run", stream: "stdout", text: run.stdout });
    else if (!run.stdout) pieces.push({ stage: "run", stream: "stderr", text: run.stderr });
    else pieces.push({ stage: "run", stream: "stdout", text: run.output });
  }
  return pieces;
}
