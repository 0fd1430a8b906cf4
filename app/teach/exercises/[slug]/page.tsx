import Link from "next/link";
import { notFound } from "next/navigation";
import { ExerciseEditor } from "@/components/teach/exercise-editor";
import { SiteHeader } from "@/components/ui/site-header";
import { hasRole } from "@/lib/auth/roles";
import { toForm } from "@/lib/authoring/exercise-form";
import { canEditExercise } from "@/lib/classes/access";
import { verificationHash } from "@/lib/db/authored-exercises";
import { getExercise, getExerciseMeta } from "@/lib/db/exercises";
import { languagesForUi } from "@/lib/http/languages-for-ui";
import { requirePageUser } from "@/lib/identity/pages";

export const dynamic = "force-dynamic";
export const metadata = { title: "Edit exercise · Runbox" };

/** Edit one of your exercises (admins: any teacher's). Someone else's, or a folder's, is a 404. */
export default async function EditExercisePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/teach/exercises/${slug}`, "teacher");
  const meta = await getExerciseMeta(slug);
  const def = meta && canEditExercise(meta, user) ? await getExercise(slug) : null;
  if (!meta || !def) notFound();
  const languages = languagesForUi().languages.map((l) => ({ id: l.id, name: l.name }));
  const verified = meta.reference !== null && meta.verifiedHash === verificationHash(def, meta.reference);
  return (
    <>
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-6xl flex-col gap-4 p-4">
        <div className="flex flex-wrap items-baseline gap-3">
          <h1 className="text-2xl font-bold">Edit: {def.title}</h1>
          <Link href={`/exercises/${def.slug}`} className="underline">
            Open as a student
          </Link>
        </div>
        <ExerciseEditor
          slug={def.slug}
          initial={toForm(def, meta.reference)}
          languages={languages}
          visibility={meta.visibility}
          verified={verified}
          admin={hasRole(user, "admin")}
        />
      </main>
    </>
  );
}
