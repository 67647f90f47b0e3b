/** File names and languages for artifact downloads and the code editor. */
import type { ArtifactKind } from "./contract";

const LANGUAGE_EXTENSIONS: Record<string, string> = {
  python: "py",
  javascript: "js",
  typescript: "ts",
  tsx: "tsx",
  jsx: "jsx",
  html: "html",
  css: "css",
  json: "json",
  sql: "sql",
  rust: "rs",
  go: "go",
  java: "java",
  cpp: "cpp",
  c: "c",
  bash: "sh",
  shell: "sh",
  markdown: "md",
};

/** Guess a code document's language from its title first, then from its content. */
export function detectCodeLanguage(title: string, content: string): string {
  const t = title.toLowerCase();
  const ext = t.match(/\.([a-z0-9]+)\s*$/)?.[1];
  if (ext) {
    const byExt = Object.entries(LANGUAGE_EXTENSIONS).find(([, e]) => e === ext)?.[0];
    if (byExt) return byExt;
  }
  for (const lang of ["typescript", "javascript", "python", "rust", "java", "html", "css", "sql", "json", "bash"]) {
    if (t.includes(lang)) return lang;
  }
  if (/\b(go|golang)\b/.test(t)) return "go";
  if (/\bc\+\+|\bcpp\b/.test(t)) return "cpp";
  if (/\bjs\b|node/.test(t)) return "javascript";
  if (/\bts\b/.test(t)) return "typescript";
  const c = content.slice(0, 2000);
  if (/^\s*(def |import \w+$|from \w+ import|class \w+\s*(\(.*\))?:)/m.test(c)) return "python";
  if (/^\s*(fn |use std|let mut )/m.test(c)) return "rust";
  if (/^\s*package \w+\s*$|^\s*func \w+\(/m.test(c)) return "go";
  if (/^\s*(public )?(class|interface) \w+.*\{/m.test(c) && /System\.out|public static void/.test(c)) return "java";
  if (/#include\s*</.test(c)) return "cpp";
  if (/:\s*(string|number|boolean)\b|interface \w+ \{|^\s*type \w+ =/m.test(c)) return "typescript";
  if (/^\s*(const|let|function|export|import)\b|=>/m.test(c)) return "javascript";
  if (/^\s*(SELECT|CREATE TABLE|INSERT INTO)\b/im.test(c)) return "sql";
  if (/^\s*</.test(c)) return "html";
  return "python";
}

function slug(title: string): string {
  const base = title
    .replace(/\.[a-z0-9]+\s*$/i, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return base || "document";
}

/** A download file name with the right extension per kind (text → .md, sheet → .csv, code → by language). */
export function downloadFileName(title: string, kind: ArtifactKind, content = ""): string {
  if (kind === "text") return `${slug(title)}.md`;
  if (kind === "sheet") return `${slug(title)}.csv`;
  const lang = detectCodeLanguage(title, content);
  return `${slug(title)}.${LANGUAGE_EXTENSIONS[lang] ?? "txt"}`;
}

export function mimeTypeFor(kind: ArtifactKind): string {
  if (kind === "sheet") return "text/csv;charset=utf-8";
  if (kind === "text") return "text/markdown;charset=utf-8";
  return "text/plain;charset=utf-8";
}
