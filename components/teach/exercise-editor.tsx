"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { type SaveAnswer, saveExerciseAction, setVisibilityAction } from "@/app/teach/actions";
import { Markdown } from "@/components/exercises/markdown";
import { VerdictGrid } from "@/components/exercises/verdict-grid";
import { BUTTON, BUTTON_PRIMARY, CARD, ERROR_TEXT, INPUT, MUTED } from "@/components/ui/styles";
import type { ExerciseForm } from "@/lib/authoring/exercise-form";
import { CodeByLanguage } from "./code-by-language";
import { TestsTable } from "./tests-table";

interface Props {
  slug: string | null;
  initial: ExerciseForm;
  languages: { id: string; name: string }[];
  visibility: "draft" | "classes" | "public";
  verified: boolean;
  admin: boolean;
}

const VISIBILITY_TEXT = {
  draft: "Draft: only you see it.",
  classes: "Published to your classes: students see it once you assign it.",
  public: "In the public catalog.",
};

/** Write an exercise: statement with preview, tests, checker, limits, starters, reference solution. */
export function ExerciseEditor({ slug, initial, languages, visibility: initialVisibility, verified, admin }: Props) {
  const router = useRouter();
  const [form, setForm] = useState(initial);
  const [dirty, setDirty] = useState(slug === null);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<SaveAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [visibility, setVisibility] = useState(initialVisibility);
  const [accepted, setAccepted] = useState(verified);
  const set = (patch: Partial<ExerciseForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setDirty(true);
  };

  async function save() {
    setBusy(true);
    setError(null);
    const res = await saveExerciseAction(slug, form).catch(() => null);
    setBusy(false);
    setAnswer(res);
    if (!res) setError("Could not reach the server.");
    else if (!res.ok) setError(res.error.message);
    else {
      setDirty(false);
      setAccepted(res.accepted);
      if (!slug) router.replace(`/teach/exercises/${res.slug}`);
      else router.refresh();
    }
  }

  async function publish(target: "draft" | "classes" | "public") {
    if (!slug) return;
    setError(null);
    const res = await setVisibilityAction(slug, target).catch(() => null);
    if (!res) setError("Could not reach the server.");
    else if (!res.ok) setError(res.error.message);
    else {
      setVisibility(res.visibility);
      router.refresh();
    }
  }

  const label = "flex flex-col gap-1 text-sm font-medium";
  return (
    <div className="flex flex-col gap-4" data-testid="exercise-editor">
      <section className={`${CARD} grid gap-3 sm:grid-cols-2`} aria-label="About">
        <label className={`${label} sm:col-span-2`}>
          Title
          <input
            value={form.title}
            onChange={(e) => set({ title: e.target.value })}
            className={INPUT}
            data-testid="ex-title"
            maxLength={200}
          />
        </label>
        <label className={label}>
          Difficulty
          <select
            value={form.difficulty}
            onChange={(e) => set({ difficulty: e.target.value as ExerciseForm["difficulty"] })}
            className={INPUT}
          >
            <option value="easy">easy</option>
            <option value="medium">medium</option>
            <option value="hard">hard</option>
          </select>
        </label>
        <label className={label}>
          Tags (comma-separated)
          <input value={form.tags} onChange={(e) => set({ tags: e.target.value })} className={INPUT} />
        </label>
      </section>
      <section className={`${CARD} grid gap-3 lg:grid-cols-2`} aria-label="Statement">
        <label className={label}>
          Statement (Markdown)
          <textarea
            value={form.statement}
            onChange={(e) => set({ statement: e.target.value })}
            className={`${INPUT} h-64 font-mono text-sm`}
            data-testid="ex-statement"
          />
        </label>
        <div className="flex flex-col gap-1">
          <p className="text-sm font-medium">Preview</p>
          <div
            className="h-64 overflow-auto rounded border border-zinc-300 p-2 dark:border-zinc-700"
            data-testid="ex-preview"
          >
            <Markdown text={form.statement} />
          </div>
        </div>
      </section>
      <section className={CARD} aria-labelledby="tests-h">
        <h2 id="tests-h" className="mb-2 font-semibold">
          Tests
        </h2>
        <p className={`mb-2 text-sm ${MUTED}`}>
          Visible tests are the samples students run; hidden tests show students only their verdict.
        </p>
        <TestsTable tests={form.tests} onChange={(tests) => set({ tests })} />
      </section>
      <section className={`${CARD} grid gap-3 sm:grid-cols-3`} aria-label="Judging">
        <label className={label}>
          Checker
          <select
            value={form.checker}
            onChange={(e) => set({ checker: e.target.value as ExerciseForm["checker"] })}
            className={INPUT}
          >
            <option value="trimmed">Lines, trailing spaces ignored</option>
            <option value="exact">Exact bytes</option>
            <option value="tokens">Words, any spacing</option>
            <option value="float">Numbers within 1e-6</option>
            <option value="unordered-lines">Lines in any order</option>
          </select>
        </label>
        <label className={label}>
          Time limit per test (ms)
          <input
            type="number"
            min={100}
            max={30000}
            value={form.timeoutMs}
            onChange={(e) => set({ timeoutMs: Number(e.target.value) })}
            className={INPUT}
          />
        </label>
        <label className={label}>
          Memory limit (MiB)
          <input
            type="number"
            min={16}
            max={2048}
            value={form.memoryMb}
            onChange={(e) => set({ memoryMb: Number(e.target.value) })}
            className={INPUT}
          />
        </label>
        <fieldset className="sm:col-span-3">
          <legend className="text-sm font-medium">Languages allowed (none ticked: all)</legend>
          <div className="flex flex-wrap gap-3 text-sm">
            {languages.map((l) => (
              <label key={l.id} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={form.languages.includes(l.id)}
                  onChange={(e) =>
                    set({
                      languages: e.target.checked
                        ? [...form.languages, l.id]
                        : form.languages.filter((x) => x !== l.id),
                    })
                  }
                />
                {l.name}
              </label>
            ))}
          </div>
        </fieldset>
      </section>
      <section className={`${CARD} grid gap-4 lg:grid-cols-2`} aria-label="Code">
        <CodeByLanguage
          label="Starter code"
          languages={languages}
          value={form.starter}
          onChange={(starter) => set({ starter })}
          testId="starter"
        />
        <div className="flex flex-col gap-1">
          <label className="flex items-center gap-2 text-sm font-medium">
            Reference solution in
            <select
              value={form.reference.language}
              onChange={(e) => set({ reference: { ...form.reference, language: e.target.value } })}
              className={INPUT}
              data-testid="reference-language"
            >
              {languages.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor="reference-code" className="sr-only">
            Reference solution code
          </label>
          <textarea
            id="reference-code"
            value={form.reference.code}
            onChange={(e) => set({ reference: { ...form.reference, code: e.target.value } })}
            spellCheck={false}
            className={`${INPUT} h-40 font-mono text-sm`}
            data-testid="reference-code"
          />
          <p className={`text-xs ${MUTED}`}>
            Judged on every test at each save; publishing needs it accepted. Students never see it.
          </p>
        </div>
      </section>
      <section className={`${CARD} flex flex-col gap-3`} aria-label="Save and publish" aria-live="polite">
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" onClick={save} disabled={busy} className={BUTTON_PRIMARY} data-testid="ex-save">
            {busy ? "Saving and judging the reference…" : "Save and check the reference"}
          </button>
          {slug && visibility === "draft" && (
            <button
              type="button"
              className={BUTTON}
              disabled={!accepted || dirty}
              onClick={() => publish("classes")}
              data-testid="ex-publish"
            >
              Publish to my classes
            </button>
          )}
          {slug && visibility !== "draft" && (
            <button
              type="button"
              className={BUTTON}
              onClick={() => publish("draft")}
              data-testid="ex-unpublish"
              disabled={visibility === "public" && !admin}
            >
              Unpublish
            </button>
          )}
          {slug && admin && visibility === "classes" && (
            <button type="button" className={BUTTON} onClick={() => publish("public")} data-testid="ex-make-public">
              Put in the public catalog
            </button>
          )}
          <span className="text-sm" data-testid="reference-status" data-accepted={accepted && !dirty ? "1" : "0"}>
            {slug === null
              ? ""
              : accepted
                ? "✓ The reference solution passes every test."
                : "✗ The reference solution does not pass every test yet."}
          </span>
          <span className={`text-sm ${MUTED}`} data-testid="ex-visibility" data-visibility={visibility}>
            {VISIBILITY_TEXT[visibility]}
            {dirty ? " Unsaved changes." : ""}
          </span>
        </div>
        {error && (
          <p role="alert" className={ERROR_TEXT} data-testid="ex-error">
            {error}
          </p>
        )}
        {answer?.ok && (
          <div
            className="flex flex-col gap-2"
            data-testid="reference-result"
            data-accepted={answer.accepted ? "1" : "0"}
          >
            <p className="text-sm font-medium">
              {answer.accepted
                ? "Saved. The reference solution passes every test."
                : "Saved as a draft. The reference solution does not pass every test yet:"}
            </p>
            <VerdictGrid judgement={answer.judgement} />
          </div>
        )}
      </section>
    </div>
  );
}
