"use client";

import { useState } from "react";
import { reportToMarkdown } from "@/lib/debug";
import type { DebugLocation, DebugReport } from "@/lib/debug/types";
import { InlineCode } from "./inline-code";

const CATEGORY_LABEL: Record<string, string> = {
  syntax: "Syntax error",
  name: "Unknown name",
  type: "Type error",
  null_reference: "Null reference",
  index: "Index out of range",
  zero_division: "Division by zero",
  import: "Missing module",
  recursion: "Stack overflow",
  assertion: "Assertion failed",
  command_not_found: "Command not found",
  undefined_function: "Undefined function",
  compile: "Compile error",
  timeout: "Time limit",
  memory: "Memory limit",
  output_limit: "Output limit",
  process_limit: "Process limit",
  signal: "Crashed",
  exit_code: "Non-zero exit",
  input: "Input ran out",
};

/** The debug report: headline, message, clickable locations, a hint, and "Copy report". */
export function DebugPanel(props: {
  report: DebugReport;
  language: string;
  onLocate?: (loc: DebugLocation) => void;
  /** Show the full message unfolded: where no output pane shows it (an exercise's compile error). */
  messageOpen?: boolean;
}) {
  const { report, language, onLocate, messageOpen } = props;
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(reportToMarkdown(report, language));
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  }
  return (
    <section
      aria-label="Debug report"
      data-testid="debug-panel"
      data-category={report.category}
      className="flex flex-col gap-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40"
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="rounded bg-amber-200 px-2 py-0.5 text-xs font-semibold text-amber-950 dark:bg-amber-800 dark:text-amber-50">
          {CATEGORY_LABEL[report.category] ?? report.category}
        </span>
        <h2 className="font-semibold" data-testid="debug-title">
          {report.title}
        </h2>
        <button type="button" data-testid="copy-report" onClick={copy} className="ml-auto text-xs underline">
          {copied ? "Copied" : "Copy report"}
        </button>
      </div>
      {/* The output pane already shows the program's own message; here it is cleaned (your file
          names, not the sandbox's paths) and folded, so the traceback is on screen once. */}
      {report.message && report.message.trim() !== report.title && (
        <details className="text-xs" data-testid="debug-message-box" open={messageOpen}>
          <summary className="cursor-pointer">Full message</summary>
          <pre
            className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap break-words font-mono"
            data-testid="debug-message"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region needs focus for arrow keys
            tabIndex={0}
          >
            {report.message}
          </pre>
        </details>
      )}
      {report.locations.length > 0 && (
        <ul className="flex flex-col gap-0.5" aria-label="Where in your code">
          {report.locations.slice(0, 20).map((loc) => {
            const label = `${loc.file}:${loc.line}${loc.column ? `:${loc.column}` : ""}`;
            return (
              <li key={`${label}:${loc.message ?? ""}`}>
                {onLocate ? (
                  <button
                    type="button"
                    data-testid="debug-location"
                    data-file={loc.file}
                    data-line={loc.line}
                    onClick={() => onLocate(loc)}
                    className="text-left font-mono text-xs text-sky-800 underline dark:text-sky-300"
                  >
                    {label}
                  </button>
                ) : (
                  <span data-testid="debug-location" className="font-mono text-xs">
                    {label}
                  </span>
                )}
                {loc.message && loc.message !== report.title && <span className="ml-2 text-xs">{loc.message}</span>}
              </li>
            );
          })}
        </ul>
      )}
      <p data-testid="debug-hint">
        <InlineCode text={report.hint} />
      </p>
    </section>
  );
}
