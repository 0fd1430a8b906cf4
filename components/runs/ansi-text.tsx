import { type AnsiStyle, parseAnsi } from "@/lib/ansi";

// The 16 basic colours, readable on both themes.
const COLORS = [
  "#6b7280",
  "#dc2626",
  "#16a34a",
  "#ca8a04",
  "#2563eb",
  "#c026d3",
  "#0891b2",
  "#d4d4d8",
  "#9ca3af",
  "#f87171",
  "#4ade80",
  "#facc15",
  "#60a5fa",
  "#e879f9",
  "#22d3ee",
  "#ffffff",
];

function css(style: AnsiStyle): React.CSSProperties | undefined {
  if (
    !style.fg &&
    style.fg !== 0 &&
    !style.bg &&
    style.bg !== 0 &&
    !style.bold &&
    !style.italic &&
    !style.underline &&
    !style.dim
  )
    return undefined;
  return {
    color: style.fg === undefined ? undefined : COLORS[style.fg],
    backgroundColor: style.bg === undefined ? undefined : COLORS[style.bg],
    fontWeight: style.bold ? 700 : undefined,
    fontStyle: style.italic ? "italic" : undefined,
    textDecoration: style.underline ? "underline" : undefined,
    opacity: style.dim ? 0.7 : undefined,
  };
}

/** Program output with ANSI colours, always as React text nodes: HTML in output stays text. */
export function AnsiText({ text }: { text: string }) {
  return (
    <>
      {parseAnsi(text).map((seg) => {
        const style = css(seg.style);
        return style ? (
          <span key={seg.at} style={style}>
            {seg.text}
          </span>
        ) : (
          seg.text
        );
      })}
    </>
  );
}
