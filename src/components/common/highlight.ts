/**
 * Syntax highlighting for chat code blocks, loaded on first use so highlight.js stays out of
 * the initial chat bundle. Only a common set of languages is registered.
 */
import type { HLJSApi } from "highlight.js";

let loader: Promise<HLJSApi> | null = null;

export function loadHighlighter(): Promise<HLJSApi> {
  loader ??= (async () => {
    const [core, js, ts, py, bash, json, css, xml, sql, go, rust, java, cpp, yaml, md, diff] = await Promise.all([
      import("highlight.js/lib/core"),
      import("highlight.js/lib/languages/javascript"),
      import("highlight.js/lib/languages/typescript"),
      import("highlight.js/lib/languages/python"),
      import("highlight.js/lib/languages/bash"),
      import("highlight.js/lib/languages/json"),
      import("highlight.js/lib/languages/css"),
      import("highlight.js/lib/languages/xml"),
      import("highlight.js/lib/languages/sql"),
      import("highlight.js/lib/languages/go"),
      import("highlight.js/lib/languages/rust"),
      import("highlight.js/lib/languages/java"),
      import("highlight.js/lib/languages/cpp"),
      import("highlight.js/lib/languages/yaml"),
      import("highlight.js/lib/languages/markdown"),
      import("highlight.js/lib/languages/diff"),
    ]);
    const hljs = core.default;
    const langs = { javascript: js, typescript: ts, python: py, bash, json, css, xml, sql, go, rust, java, cpp, yaml, markdown: md, diff };
    for (const [name, mod] of Object.entries(langs)) hljs.registerLanguage(name, mod.default);
    hljs.registerAliases(["js", "jsx", "mjs", "cjs"], { languageName: "javascript" });
    hljs.registerAliases(["ts", "tsx"], { languageName: "typescript" });
    hljs.registerAliases(["py"], { languageName: "python" });
    hljs.registerAliases(["sh", "shell", "zsh", "console"], { languageName: "bash" });
    hljs.registerAliases(["html", "svg"], { languageName: "xml" });
    hljs.registerAliases(["c", "c++", "h", "hpp"], { languageName: "cpp" });
    hljs.registerAliases(["yml"], { languageName: "yaml" });
    hljs.registerAliases(["md"], { languageName: "markdown" });
    return hljs;
  })();
  return loader;
}

/** Highlighted HTML (escaped by highlight.js) or null when the language is unknown. */
export async function highlightToHtml(code: string, language: string | undefined): Promise<string | null> {
  const hljs = await loadHighlighter();
  if (language && hljs.getLanguage(language)) return hljs.highlight(code, { language, ignoreIllegals: true }).value;
  if (!language && code.length < 20_000) return hljs.highlightAuto(code).value;
  return null;
}
