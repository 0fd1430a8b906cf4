import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";

/** Exercise statements: Markdown with GitHub tables; raw HTML is never rendered (react-markdown's default). */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="prose-runbox flex flex-col gap-3 text-sm leading-relaxed">
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml>
        {text}
      </ReactMarkdown>
    </div>
  );
}
