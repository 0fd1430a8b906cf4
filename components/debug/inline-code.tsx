/**
 * Hints are written with Markdown-style `code` spans; on the page those become <code>, always
 * as text (never HTML). An unmatched backtick stays a backtick.
 */
export function InlineCode({ text }: { text: string }) {
  const parts = text.split("`");
  // An even number of parts means one backtick has no partner: keep it, and the rest, as text.
  const tail = parts.length % 2 === 0 ? `\`${parts.splice(-1, 1)[0]}` : "";
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed split of one string
          <code key={i} className="rounded bg-amber-100 px-1 font-mono text-[0.9em] dark:bg-amber-900/60">
            {part}
          </code>
        ) : (
          part
        ),
      )}
      {tail}
    </>
  );
}
