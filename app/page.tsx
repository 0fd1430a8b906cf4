import { Playground } from "@/components/playground/playground";
import type { PlaygroundState } from "@/components/playground/state";
import { SiteHeader } from "@/components/ui/site-header";
import { getRun } from "@/lib/db/runs";
import { getShare } from "@/lib/db/shares";
import { languagesForUi } from "@/lib/http/languages-for-ui";
import { currentIdentity } from "@/lib/identity/current";

export const dynamic = "force-dynamic";

type Seed = Omit<PlaygroundState, "run">;

function seedOf(language: string, files: { name?: string; content: string }[], stdin: string, args: string[]): Seed {
  return {
    language,
    workspaces: {
      [language]: { files: files.map((f, i) => ({ name: f.name ?? `file${i}`, content: f.content })), active: 0 },
    },
    stdin,
    args: args.join("\n"),
    env: "",
    limits: {},
    network: false,
  };
}

/**
 * The playground. ?fork=<slug> opens a shared run, ?run=<id> one of your own runs. Only your
 * own run may start by itself (?autorun=1, "Run again"): a link from anywhere can name a fork,
 * and someone else's code runs only when you click Run.
 */
export default async function Home({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  let seed: Seed | undefined;
  let seedKind: "fork" | "run" | undefined;
  let autorun = false;
  if (params.fork) {
    const share = await getShare(params.fork);
    if (share) {
      seed = seedOf(share.snapshot.language, share.snapshot.files, share.snapshot.stdin, share.snapshot.args);
      seedKind = "fork";
    }
  } else if (params.run) {
    const run = await getRun(params.run);
    if (run?.ownerId && run.ownerId === (await currentIdentity()).ownerId) {
      seed = { ...seedOf(run.language, run.files, run.stdin, run.args), limits: run.limits };
      seed.env = Object.entries(run.env)
        .map(([k, v]) => `${k}=${v}`)
        .join("\n");
      seed.limits = {};
      seedKind = "run";
      autorun = params.autorun === "1";
    }
  }
  const { languages, limits, networkAllowed } = languagesForUi();
  // One screen tall on wide screens (output scrolls inside its pane); a phone scrolls the page.
  return (
    <div className="flex min-h-dvh flex-col lg:h-dvh lg:min-h-0">
      <SiteHeader />
      <main className="flex min-h-0 flex-1 flex-col">
        {languages.length === 0 ? (
          <p className="p-6">No language images are built yet. Run "npm start" to build them.</p>
        ) : (
          <Playground
            languages={languages}
            limits={limits}
            networkAllowed={networkAllowed}
            seed={seed}
            seedKind={seedKind}
            autorun={autorun}
          />
        )}
      </main>
    </div>
  );
}
