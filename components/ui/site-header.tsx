import Link from "next/link";
import { AccountMenu } from "@/components/account/account-menu";
import { ThemeToggle } from "./theme-toggle";

export function SiteHeader() {
  return (
    <header className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-zinc-200 px-3 py-2 sm:gap-x-4 sm:px-4 dark:border-zinc-800">
      <Link href="/" className="flex items-center gap-2 font-bold">
        <span aria-hidden className="rounded bg-emerald-700 px-1.5 text-white">
          ▸
        </span>
        Runbox
      </Link>
      <nav aria-label="Main" className="flex flex-wrap gap-x-3 text-sm">
        <Link href="/" className="hover:underline">
          Playground
        </Link>
        <Link href="/exercises" className="hover:underline" data-testid="nav-exercises">
          Exercises
        </Link>
        <Link href="/runs" className="hover:underline" data-testid="nav-history">
          History
        </Link>
        <Link href="/docs/api" className="hover:underline" data-testid="nav-api">
          API
        </Link>
      </nav>
      <div className="ml-auto flex items-center gap-3">
        <AccountMenu />
        <ThemeToggle />
      </div>
    </header>
  );
}
