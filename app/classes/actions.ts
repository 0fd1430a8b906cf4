"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { hasRole } from "@/lib/auth/roles";
import { takeAuthAttempt } from "@/lib/auth/throttle";
import { canAssign, classOfTeacher } from "@/lib/classes/access";
import { normalizeJoinCode } from "@/lib/classes/join-code";
import { assign, unassign } from "@/lib/db/assignments";
import { addMember, classByJoinCode, createClass, removeMember, setJoinCode } from "@/lib/db/classes";
import { getExerciseMeta } from "@/lib/db/exercises";
import { addressKey } from "@/lib/http/client-address";
import { type FormResult, formField } from "@/lib/http/form-result";
import { currentUser } from "@/lib/identity/current";
import { log } from "@/lib/log";

const NOT_FOUND: FormResult = { error: "This class does not exist." };

async function guarded(run: () => Promise<FormResult>): Promise<FormResult> {
  try {
    return await run();
  } catch (err) {
    log.error({ err }, "class action failed");
    return { error: "Something went wrong on the server. Try again." };
  }
}

/** Teachers: a new class (with a join code), then its page. */
export async function createClassAction(_prev: FormResult, form: FormData): Promise<FormResult> {
  const user = await currentUser();
  if (!user || !hasRole(user, "teacher")) return { error: "Only teachers make classes." };
  const name = formField(form, "name").trim();
  if (name.length < 1 || name.length > 100) return { error: "Give the class a name of 1 to 100 characters." };
  const id = await createClass(user.id, name);
  redirect(`/classes/${id}`);
}

/** A new join code (the old one stops working), or none (`revoke`). */
export async function joinCodeAction(classId: string, revoke: boolean): Promise<FormResult> {
  return guarded(async () => {
    const c = await classOfTeacher(String(classId), await currentUser());
    if (!c) return NOT_FOUND;
    await setJoinCode(c.id, revoke === true);
    revalidatePath(`/classes/${c.id}`);
    return { ok: revoke === true ? "Nobody can join until you make a new code." : "A new code is ready." };
  });
}

export async function removeStudentAction(classId: string, userId: string): Promise<FormResult> {
  return guarded(async () => {
    const c = await classOfTeacher(String(classId), await currentUser());
    if (!c) return NOT_FOUND;
    if (!(await removeMember(c.id, String(userId)))) return { error: "This student is not in the class." };
    revalidatePath(`/classes/${c.id}`);
    return { ok: "Removed." };
  });
}

/** Give an exercise (public, or the teacher's own published one) with an optional due date. */
export async function assignAction(classId: string, _prev: FormResult, form: FormData): Promise<FormResult> {
  return guarded(async () => {
    const user = await currentUser();
    const c = await classOfTeacher(String(classId), user);
    if (!c || !user) return NOT_FOUND;
    const slug = formField(form, "exercise");
    const meta = slug ? await getExerciseMeta(slug) : null;
    if (!meta || !canAssign(meta, user))
      return { error: "Choose an exercise from the catalog or one of your published exercises." };
    let dueAt: Date | null = null;
    const due = formField(form, "due");
    if (due) {
      // datetime-local is the teacher's wall clock; the form sends their offset from UTC in minutes.
      const offset = Number(formField(form, "tzOffset") || "0");
      const local = Date.parse(`${due}:00Z`);
      if (
        !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(due) ||
        Number.isNaN(local) ||
        !Number.isFinite(offset) ||
        Math.abs(offset) > 900
      )
        return { error: "The due date is not a date." };
      dueAt = new Date(local + offset * 60_000);
    }
    await assign(c.id, meta.slug, dueAt);
    revalidatePath(`/classes/${c.id}`);
    return { ok: "Assigned." };
  });
}

export async function unassignAction(classId: string, assignmentId: string): Promise<FormResult> {
  return guarded(async () => {
    const c = await classOfTeacher(String(classId), await currentUser());
    if (!c) return NOT_FOUND;
    if (!(await unassign(c.id, String(assignmentId)))) return { error: "This assignment does not exist." };
    revalidatePath(`/classes/${c.id}`);
    return { ok: "Removed the assignment (submissions stay)." };
  });
}

/** Join a class with its code (throttled per address with sign-ins: codes cannot be guessed fast). */
export async function joinClassAction(_prev: FormResult, form: FormData): Promise<FormResult> {
  const user = await currentUser();
  if (!user) return { error: "Sign in first." };
  const code = normalizeJoinCode(formField(form, "code"));
  const attempt = await takeAuthAttempt(addressKey(await headers()));
  if (!attempt.allowed) return { error: `Too many attempts: wait ${attempt.retryAfterSec} s and try again.` };
  const c = code ? await classByJoinCode(code) : null;
  if (!c) return { error: "No class has this code. Check it with your teacher." };
  if (c.teacherId === user.id) return { error: "You teach this class." };
  await addMember(c.id, user.id);
  redirect(`/classes/${c.id}`);
}
