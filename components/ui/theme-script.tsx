/**
 * Sets <html class="dark"> before the first paint, so a dark-theme page never flashes white.
 * Inline and blocking by design (an effect would run after paint); the CSP allows it through
 * this request's nonce. Mirrors currentTheme() in use-theme.ts.
 */
const SCRIPT = `(function(){try{var t=localStorage.getItem("runbox:theme");if(t!=="light"&&t!=="dark")t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";var r=document.documentElement;r.classList.toggle("dark",t==="dark");r.style.colorScheme=t}catch(e){}})()`;

export function ThemeScript({ nonce }: { nonce: string | undefined }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant string, no input in it
  return <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: SCRIPT }} />;
}
