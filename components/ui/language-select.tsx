/** The language picker of the playground and the exercise page: each language with its version. */
export function LanguageSelect(props: {
  languages: { id: string; name: string; version: string }[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only sm:not-sr-only">Language</span>
      <select
        data-testid="language"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        className="rounded border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
      >
        {props.languages.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name} {l.version}
          </option>
        ))}
      </select>
    </label>
  );
}
