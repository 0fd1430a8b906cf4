import { formatBytes } from "./describe";
import type { LoadedText } from "./use-chunks";

const link = "underline decoration-dotted hover:decoration-solid disabled:opacity-50";

/** Under a long text: how much of it is shown, "Show more", and a download of the whole. */
export function MoreBar(props: {
  label: string;
  part: string;
  text: LoadedText;
  endpoint: string;
  busy: boolean;
  error?: string;
  onMore: () => void;
}) {
  const { label, part, text, endpoint, busy, error, onMore } = props;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-1 text-xs text-zinc-600 dark:text-zinc-400">
      <span data-testid="shown-amount" data-part={part}>
        {label}: {text.next === null ? "all" : formatBytes(text.loaded)} of {formatBytes(text.total)} shown
      </span>
      {text.next !== null && (
        <button
          type="button"
          data-testid="show-more"
          data-part={part}
          className={link}
          disabled={busy}
          onClick={onMore}
        >
          {busy ? "Loading…" : "Show more"}
        </button>
      )}
      <a
        data-testid="download-output"
        data-part={part}
        className={link}
        href={`${endpoint}?part=${encodeURIComponent(part)}&download=1`}
        download
      >
        Download
      </a>
      {error && (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {error}
        </span>
      )}
    </div>
  );
}
