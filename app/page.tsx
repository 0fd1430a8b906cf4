import { QuickRun } from "@/components/home/quick-run";
import { availableLanguages } from "@/lib/http/runtimes";

export const dynamic = "force-dynamic";

export default function Home() {
  const languages = availableLanguages().map(({ lang, version }) => ({
    id: lang.id,
    name: lang.name,
    version,
    defaultFile: lang.defaultFile,
  }));
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-6 p-6">
      <header>
        <h1 className="text-3xl font-bold">Runbox</h1>
        <p className="text-zinc-600 dark:text-zinc-400">
          Run code in {languages.length} languages, each in its own locked-down container.
        </p>
      </header>
      <QuickRun languages={languages} />
      <section aria-labelledby="api-heading" className="text-sm">
        <h2 id="api-heading" className="mb-2 text-lg font-semibold">
          HTTP API
        </h2>
        <p>
          Piston-compatible: <code>GET /api/v2/runtimes</code>, <code>POST /api/v2/execute</code>. Native:{" "}
          <code>POST /api/v1/runs</code>, <code>GET /api/v1/runs/:id</code>, <code>GET /api/v1/languages</code>. Health:{" "}
          <code>GET /api/health</code>.
        </p>
      </section>
    </main>
  );
}
