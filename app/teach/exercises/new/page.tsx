import { ExerciseEditor } from "@/components/teach/exercise-editor";
import { SiteHeader } from "@/components/ui/site-header";
import { hasRole } from "@/lib/auth/roles";
import { BLANK_FORM } from "@/lib/authoring/blank-form";
import { languagesForUi } from "@/lib/http/languages-for-ui";
import { requirePageUser } from "@/lib/identity/pages";

export const dynamic = "force-dynamic";
export const metadata = { title: "New exercise · Runbox" };

export default async function NewExercisePage() {
  const user = await requirePageUser("/teach/exercises/new", "teacher");
  const languages = languagesForUi().languages.map((l) => ({ id: l.id, name: l.name }));
  return (
    <>
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-6xl flex-col gap-4 p-4">
        <h1 className="text-2xl font-bold">New exercise</h1>
        <ExerciseEditor
          slug={null}
          initial={BLANK_FORM}
          languages={languages}
          visibility="draft"
          verified={false}
          admin={hasRole(user, "admin")}
        />
      </main>
    </>
  );
}
