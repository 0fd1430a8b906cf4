/** What a small form's server action answers: a message to show, good or bad. */
export interface FormResult {
  ok?: string;
  error?: string;
}

export const formField = (form: FormData, name: string): string => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};
