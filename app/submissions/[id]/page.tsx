import Link from "next/link";
import { notFound } from "next/navigation";
import { SubmissionView } from "@/components/classes/submission-view";
import { SiteHeader } from "@/components/ui/site-header";
import { submissionViewer } from "@/lib/classes/access";
import { getExercise } from "@/lib/db/exercises";
import { getSubmission } from "@/lib/db/submissions";
import { usernamesOf } from "@/lib/db/users";
import { currentIdentity } from "@/lib/identity/current";

export const dynamic = "force-dynamic";
export const metadata = { title: "Submission · Runbox" };

/** One submission, for its owner and their teacher only; anyone else gets the 404 of a missing one. */
export default async function SubmissionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const identity = await currentIdentity();
  const sub = await getSubmission(id);
  const viewer = sub ? await submissionViewer(sub, identity.ownerId, identity.user) : null;
  if (!sub || !viewer) notFound();
  const ex = await getExercise(sub.exerciseSlug);
  const owner = viewer === "teacher" && sub.ownerId ? (await usernamesOf([sub.ownerId])).get(sub.ownerId) : null;
  return (
    <>
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-5xl flex-col gap-3 p-4">
        <h1 className="text-2xl font-bold">
          {owner ? `${owner}'s submission` : "Your submission"} to{" "}
          <Link href={`/exercises/${sub.exerciseSlug}`} className="underline">
            {ex?.title ?? sub.exerciseSlug}
          </Link>
        </h1>
        <SubmissionView sub={sub} viewer={viewer} limits={ex?.limits ?? { timeoutMs: 1000, memoryMb: 256 }} />
      </main>
    </>
  );
}
