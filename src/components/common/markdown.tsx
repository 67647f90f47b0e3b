"use client";

import { isValidElement, memo, type ReactElement, type ReactNode } from "react";
import ReactMarkdown, { type Components, type Options } from "react-markdown";
import { LRUCache } from "lru-cache";
import remarkGfm from "remark-gfm";
import { cn } from "@/lib/utils";
import { CodeBlock } from "./code-block";

function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return "";
}

const baseComponents: Components = {
  pre({ children }) {
    const child = Array.isArray(children) ? children[0] : children;
    if (isValidElement<{ className?: string; children?: ReactNode }>(child)) {
      const language = /language-([\w+#-]+)/.exec(child.props.className ?? "")?.[1];
      return <CodeBlock code={textOf(child.props.children).replace(/\n$/, "")} language={language} />;
    }
    return <pre>{children}</pre>;
  },
  code({ className, children, node: _node, ...props }) {
    return (
      <code className={cn("rounded bg-muted px-1.5 py-0.5 font-mono text-[0.85em]", className)} {...props}>
        {children}
      </code>
    );
  },
  a({ children, href, node: _node, ...props }) {
    return (
      <a href={href} target="_blank" rel="noreferrer noopener" className="font-medium text-primary underline underline-offset-4" {...props}>
        {children}
      </a>
    );
  },
  h1: ({ node: _n, ...p }) => <h1 className="mt-6 mb-3 text-2xl font-semibold tracking-tight first:mt-0" {...p} />,
  h2: ({ node: _n, ...p }) => <h2 className="mt-6 mb-2 text-xl font-semibold tracking-tight first:mt-0" {...p} />,
  h3: ({ node: _n, ...p }) => <h3 className="mt-5 mb-2 text-lg font-semibold first:mt-0" {...p} />,
  h4: ({ node: _n, ...p }) => <h4 className="mt-4 mb-2 font-semibold first:mt-0" {...p} />,
  p: ({ node: _n, ...p }) => <p className="my-3 leading-7 first:mt-0 last:mb-0" {...p} />,
  ul: ({ node: _n, ...p }) => <ul className="my-3 ml-6 list-disc space-y-1 marker:text-muted-foreground" {...p} />,
  ol: ({ node: _n, ...p }) => <ol className="my-3 ml-6 list-decimal space-y-1 marker:text-muted-foreground" {...p} />,
  li: ({ node: _n, ...p }) => <li className="leading-7 [&>ol]:my-1 [&>ul]:my-1" {...p} />,
  blockquote: ({ node: _n, ...p }) => <blockquote className="my-3 border-l-2 border-primary/50 pl-4 text-muted-foreground italic" {...p} />,
  hr: ({ node: _n, ...p }) => <hr className="my-6 border-border" {...p} />,
  table: ({ node: _n, ...p }) => (
    <div className="my-3 w-full overflow-x-auto rounded-md border">
      <table className="w-full text-sm" {...p} />
    </div>
  ),
  thead: ({ node: _n, ...p }) => <thead className="bg-muted/60" {...p} />,
  th: ({ node: _n, ...p }) => <th className="border-b px-3 py-2 text-left font-medium" {...p} />,
  td: ({ node: _n, ...p }) => <td className="border-b px-3 py-2 align-top [tr:last-child_&]:border-b-0" {...p} />,
  strong: ({ node: _n, ...p }) => <strong className="font-semibold" {...p} />,
};

export interface MarkdownProps {
  children: string;
  className?: string;
  components?: Components;
  rehypePlugins?: Options["rehypePlugins"];
  testId?: string;
}

// Every server render of a chat parses its answers again, and parsing was the costliest part of rendering
// a conversation: keeping the trees took a 12-message chat page from 27 to 22 ms of server CPU. The server
// keeps the rendered tree of recent texts in the default style; React elements are immutable, so one tree
// serves any number of renders. The browser renders each text once and keeps it (memo), and while an
// answer streams each of its texts is new, so it keeps none. A tree is several times its text's size, so
// only texts up to HELD_MAX_CHARS are kept: at most a few tens of MB.
const HELD_TREES = 200;
const HELD_MAX_CHARS = 16_384;
const serverRenders =
  typeof window === "undefined"
    ? new LRUCache<string, ReactElement>({
        max: HELD_TREES,
        // react-markdown's `Markdown` is a plain function of its props (no hooks): calling it parses here, once.
        memoMethod: (text) => ReactMarkdown({ children: text, remarkPlugins: [remarkGfm], components: baseComponents }),
      })
    : null;

/** The server's kept tree for `text` in the default style (made now if missing); null in the browser or for a long text. */
function heldTree(text: string): ReactElement | null {
  if (!serverRenders || text.length > HELD_MAX_CHARS) return null;
  return serverRenders.memo(text);
}

/** Markdown with GFM (tables, task lists, strikethrough) and highlighted code blocks. */
export const Markdown = memo(
  function Markdown({ children, className, components, rehypePlugins, testId }: MarkdownProps) {
    return (
      <div className={cn("min-w-0 break-words text-[15px]", className)} data-testid={testId}>
        {(!components && !rehypePlugins && heldTree(children)) || (
          <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={rehypePlugins} components={components ? { ...baseComponents, ...components } : baseComponents}>
            {children}
          </ReactMarkdown>
        )}
      </div>
    );
  },
  (a, b) => a.children === b.children && a.className === b.className && a.components === b.components && a.rehypePlugins === b.rehypePlugins,
);
