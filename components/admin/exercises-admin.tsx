import Link from "next/link";
import { deleteExerciseAction, publishExerciseAction, unpublishExerciseAction } from "@/app/admin/exercise-actions";
import { ActionForm } from "@/components/ui/action-form";
import { BUTTON, BUTTON_DANGER, MUTED } from "@/components/ui/styles";
import type { AdminExercise } from "@/lib/db/admin-exercises";

const CELL = "border-b border-zinc-200 px-2 py-1 text-left align-top dark:border-zinc-800";
const SOURCE = { repo: "exercises/ folder", api: "admin API", browser: "teacher" } as const;

/** Every exercise, whoever made it: publish to the catalog, take it out, or delete it. */
export function ExercisesAdmin({ exercises }: { exercises: AdminExercise[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="admin-exercises">
        <thead>
          <tr>
            {["Exercise", "Made by", "Visibility", ""].map((h) => (
              <th key={h} scope="col" className={`${CELL} font-semibold`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {exercises.map((ex) => (
            <tr key={ex.slug} data-testid="admin-exercise-row" data-slug={ex.slug} data-visibility={ex.visibility}>
              <td className={CELL}>
                <Link href={`/exercises/${ex.slug}`} className="underline">
                  {ex.title}
                </Link>{" "}
                <code className={MUTED}>{ex.slug}</code>
              </td>
              <td className={CELL}>
                {SOURCE[ex.source]}
                {ex.author ? ` (${ex.author})` : ""}
              </td>
              <td className={CELL}>{ex.visibility === "public" ? "public catalog" : ex.visibility}</td>
              <td className={CELL}>
                <div className="flex flex-wrap gap-2">
                  {ex.visibility === "public" ? (
                    <ActionForm action={unpublishExerciseAction.bind(null, ex.slug)} label={`Unpublish ${ex.slug}`}>
                      <button type="submit" className={BUTTON} data-testid="exercise-unpublish">
                        Unpublish
                      </button>
                    </ActionForm>
                  ) : (
                    <ActionForm action={publishExerciseAction.bind(null, ex.slug)} label={`Publish ${ex.slug}`}>
                      <button type="submit" className={BUTTON} data-testid="exercise-publish">
                        Publish
                      </button>
                    </ActionForm>
                  )}
                  <ActionForm action={deleteExerciseAction.bind(null, ex.slug)} label={`Delete ${ex.slug}`}>
                    <button type="submit" className={BUTTON_DANGER} data-testid="exercise-delete">
                      Delete
                    </button>
                  </ActionForm>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
