import { setRoleAction } from "@/app/admin/actions";
import { ActionForm } from "@/components/ui/action-form";
import { SiteHeader } from "@/components/ui/site-header";
import { BUTTON, INPUT, MUTED } from "@/components/ui/styles";
import { listUsers } from "@/lib/db/users";
import { requirePageUser } from "@/lib/identity/pages";

export const dynamic = "force-dynamic";
export const metadata = { title: "Users · Runbox" };

/** Admins: every account and its role (make teachers here). */
export default async function UsersPage() {
  const admin = await requirePageUser("/admin/users", "admin");
  const users = await listUsers();
  return (
    <>
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-3xl flex-col gap-4 p-4">
        <h1 className="text-2xl font-bold">Users and roles</h1>
        <p className={`text-sm ${MUTED}`}>Teachers make classes and write exercises; admins also decide who teaches.</p>
        <ul className="flex flex-col gap-2" data-testid="users">
          {users.map((u) => (
            <li
              key={u.id}
              className="flex flex-wrap items-center gap-3"
              data-testid="user-row"
              data-username={u.username}
            >
              <span className="min-w-40 font-medium">{u.username}</span>
              {u.id === admin.id ? (
                <span className={MUTED}>{u.role} (you)</span>
              ) : (
                <ActionForm
                  action={setRoleAction.bind(null, u.id)}
                  className="flex flex-wrap items-center gap-2"
                  label={`Role of ${u.username}`}
                >
                  <label className="sr-only" htmlFor={`role-${u.id}`}>
                    Role of {u.username}
                  </label>
                  <select
                    id={`role-${u.id}`}
                    name="role"
                    defaultValue={u.role}
                    className={INPUT}
                    data-testid="role-select"
                  >
                    <option value="student">student</option>
                    <option value="teacher">teacher</option>
                    <option value="admin">admin</option>
                  </select>
                  <button type="submit" className={BUTTON} data-testid="role-save">
                    Save
                  </button>
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
