/** Code with the given [start, end) ranges marked; text nodes only (never HTML). */
export function HighlightedCode({ code, ranges, label }: { code: string; ranges: [number, number][]; label: string }) {
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push({ text: code.slice(at, start), marked: false });
    parts.push({ text: code.slice(Math.max(start, at), end), marked: true });
    at = Math.max(at, end);
  }
  if (at < code.length) parts.push({ text: code.slice(at), marked: false });
  return (
    <figure className="flex min-w-0 flex-col gap-1">
      <figcaption className="text-sm font-medium">{label}</figcaption>
      {/* Focusable: a scrolled region must be reachable from the keyboard. */}
      <pre
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region needs focus to scroll by keyboard
        tabIndex={0}
        className="max-h-[32rem] overflow-auto rounded border border-zinc-300 p-2 font-mono text-xs leading-5 dark:border-zinc-700"
      >
        {parts.map((p, i) =>
          p.marked ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
            <mark key={i} className="bg-amber-200 text-zinc-950 dark:bg-amber-700 dark:text-white">
              {p.text}
            </mark>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
            <span key={i}>{p.text}</span>
          ),
        )}
      </pre>
    </figure>
  );
}
