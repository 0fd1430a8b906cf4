import Link from "next/link";
import { notFound } from "next/navigation";
import { HighlightedCode } from "@/components/classes/highlighted-code";
import { SiteHeader } from "@/components/ui/site-header";
import { BUTTON, INPUT, MUTED } from "@/components/ui/styles";
import { classOfTeacher } from "@/lib/classes/access";
import { assignmentSimilarity } from "@/lib/classes/similarity";
import { getAssignment } from "@/lib/db/assignments";
import { requirePageUser } from "@/lib/identity/pages";

export const dynamic = "force-dynamic";
export const metadata = { title: "Similarity · Runbox" };

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Pairs of students whose accepted code overlaps (winnowed token fingerprints), side by side. */
export default async function SimilarityPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; assignmentId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id, assignmentId } = await params;
  const user = await requirePageUser(`/classes/${id}/assignments/${assignmentId}/similarity`, "teacher");
  const c = await classOfTeacher(id, user);
  const assignment = c ? await getAssignment(c.id, assignmentId) : null;
  if (!c || !assignment) notFound();
  const asked = Number((await searchParams).threshold ?? "50");
  const threshold = Number.isFinite(asked) ? Math.min(100, Math.max(10, Math.round(asked))) : 50;
  const report = await assignmentSimilarity(c.id, assignment.exerciseSlug, threshold / 100);
  return (
    <>
      <SiteHeader />
      <main className="flex w-full flex-col gap-4 p-4">
        <div className="flex flex-wrap items-baseline gap-3">
          <h1 className="text-2xl font-bold">Similarity · {assignment.title}</h1>
          <Link href={`/classes/${c.id}`} className="underline">
            Back to {c.name}
          </Link>
        </div>
        <p className={`max-w-3xl text-sm ${MUTED}`}>
          Each student's newest accepted submission is reduced to tokens (names, comments and spacing do not count) and
          fingerprinted; pairs sharing at least the threshold of either side's fingerprints are listed. The starter
          code, and code in most submissions, are left out. Similar is not copied: read the code before you conclude
          anything.
        </p>
        <form className="flex items-end gap-2 text-sm" action="">
          <label className="flex flex-col gap-1 font-medium">
            Threshold (%)
            <input
              name="threshold"
              type="number"
              min={10}
              max={100}
              defaultValue={threshold}
              className={`${INPUT} w-24`}
            />
          </label>
          <button type="submit" className={BUTTON}>
            Apply
          </button>
        </form>
        <p data-testid="similarity-summary">
          {report.compared} accepted {report.compared === 1 ? "submission" : "submissions"} compared
          {report.truncated ? " (the first 200 students only)" : ""}; {report.pairs.length}{" "}
          {report.pairs.length === 1 ? "pair" : "pairs"} at {threshold}% or more.
        </p>
        <ol className="flex flex-col gap-3" data-testid="similarity-pairs">
          {report.pairs.map((p) => (
            <li key={`${p.a.id}:${p.b.id}`} data-testid="similarity-pair">
              <details open={report.pairs.length <= 3}>
                <summary className="cursor-pointer font-medium">
                  {p.a.owner} and {p.b.owner}: {pct(p.similarity)}{" "}
                  <span className={`text-sm font-normal ${MUTED}`}>
                    ({pct(p.aShare)} of {p.a.owner}'s code, {pct(p.bShare)} of {p.b.owner}'s)
                  </span>
                </summary>
                <div className="mt-2 grid gap-3 lg:grid-cols-2">
                  <HighlightedCode code={p.a.code} ranges={p.aRegions} label={`${p.a.owner}'s code`} />
                  <HighlightedCode code={p.b.code} ranges={p.bRegions} label={`${p.b.owner}'s code`} />
                </div>
              </details>
            </li>
          ))}
        </ol>
      </main>
    </>
  );
}
