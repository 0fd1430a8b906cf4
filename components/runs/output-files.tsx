import { describeType, type OutputFileInfo } from "@/lib/output-files";
import { formatBytes } from "./describe";

const IMAGE_HEIGHT = { small: "max-h-28", medium: "max-h-56", large: "max-h-96" } as const;
const LINK = "break-all underline decoration-dotted hover:decoration-solid";

/**
 * What a run wrote under /box/out, under its output: the images in a gallery and every file as a
 * download, with name, type and size. Images are only ever <img> elements pointing at the file
 * route (same origin, served with a script-free CSP), so an SVG's markup never becomes part of
 * the page and its scripts never run; names are text nodes. The bytes never come with the page.
 */
export function OutputFiles({
  files,
  dropped,
  endpoint,
  size = "large",
}: {
  files: OutputFileInfo[];
  dropped: number;
  /** The file route: `${endpoint}/<index>`, `…?download=1`. */
  endpoint: string;
  /** How tall images may be: "small" in an embed, "medium" under the playground's output, "large" on a page. */
  size?: keyof typeof IMAGE_HEIGHT;
}) {
  if (files.length === 0 && dropped === 0) return null;
  const images = files.filter((f) => f.image);
  const url = (f: OutputFileInfo) => `${endpoint}/${f.index}`;
  return (
    <section aria-label="Files from the run" data-testid="output-files" className="flex flex-col gap-2 text-sm">
      <h2 className="font-semibold">
        Files from the run <span className="font-normal text-zinc-600 dark:text-zinc-400">(/box/out)</span>
      </h2>
      {files.length > 0 && (
        <ul aria-label="Downloads" className="flex flex-wrap gap-x-5 gap-y-1" data-testid="output-downloads">
          {files.map((f) => (
            <li key={f.index} className="flex min-w-0 flex-wrap items-baseline gap-x-2" data-testid="output-file">
              <a href={`${url(f)}?download=1`} download className={LINK} data-testid="output-download">
                <span className="sr-only">Download </span>
                {f.name}
              </a>
              <span className="text-xs text-zinc-600 dark:text-zinc-400">
                {describeType(f.type)}, {formatBytes(f.size)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {dropped > 0 && (
        <p data-testid="files-dropped" className="text-xs text-zinc-700 dark:text-zinc-300">
          {dropped} more {dropped === 1 ? "file was" : "files were"} left out: a run hands back a limited number of
          files and bytes from /box/out.
        </p>
      )}
      {images.length > 0 && (
        <ul aria-label="Images" className="flex flex-wrap items-start gap-2" data-testid="output-gallery">
          {images.map((f) => (
            <li key={f.index} className="max-w-full">
              <figure className="flex max-w-full flex-col gap-1 rounded border border-zinc-200 p-1 dark:border-zinc-800">
                {/* A plain <img>: the file route is same-origin; no markup of the file reaches the page. */}
                {/* biome-ignore lint/performance/noImgElement: an image the run made, served by our own route */}
                <img
                  src={url(f)}
                  alt={f.name}
                  decoding="async"
                  data-testid="output-image"
                  className={`block h-auto w-auto max-w-full rounded bg-white ${IMAGE_HEIGHT[size]}`}
                />
                <figcaption className="break-all px-1 text-xs text-zinc-600 dark:text-zinc-400">{f.name}</figcaption>
              </figure>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
