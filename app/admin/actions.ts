"use server";

import { revalidatePath } from "next/cache";
import { Role, requireRole } from "@/lib/auth/roles";
import { setRole } from "@/lib/db/users";
import { type FormResult, formField } from "@/lib/http/form-result";
import { currentUser } from "@/lib/identity/current";

/** Admins: make a user a teacher (or a student, or an admin). Your own role stays as it is. */
export async function setRoleAction(userId: string, _prev: FormResult, form: FormData): Promise<FormResult> {
  let admin: Awaited<ReturnType<typeof currentUser>>;
  try {
    admin = requireRole(await currentUser(), "admin");
  } catch {
    return { error: "Only admins change roles." };
  }
  const role = Role.safeParse(formField(form, "role"));
  if (!role.success) return { error: "Unknown role." };
  if (String(userId) === admin.id) return { error: "You cannot change your own role." };
  if (!(await setRole(String(userId), role.data))) return { error: "This user does not exist." };
  revalidatePath("/admin/users");
  return { ok: `Now ${role.data}.` };
}
