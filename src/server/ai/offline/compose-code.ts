/**
 * The offline model's code: small, runnable source files for common requests (Python by default,
 * JavaScript or TypeScript when asked), and rule-based revisions such as "add comments".
 */
import { languageOf } from "./intents";
import { cleanPhrase } from "./text-utils";

type Lang = "python" | "javascript" | "typescript";

interface Recipe {
  match: RegExp;
  python: string;
  javascript: string;
  typescript: string;
}

const RECIPES: Recipe[] = [
  {
    match: /\bprime/i,
    python: `def is_prime(n):
    if n < 2:
        return False
    i = 2
    while i * i <= n:
        if n % i == 0:
            return False
        i += 1
    return True


def primes_up_to(limit):
    return [n for n in range(2, limit + 1) if is_prime(n)]


if __name__ == "__main__":
    print(primes_up_to(50))
`,
    javascript: `function isPrime(n) {
  if (n < 2) return false;
  for (let i = 2; i * i <= n; i++) {
    if (n % i === 0) return false;
  }
  return true;
}

function primesUpTo(limit) {
  const primes = [];
  for (let n = 2; n <= limit; n++) if (isPrime(n)) primes.push(n);
  return primes;
}

console.log(primesUpTo(50));
`,
    typescript: `function isPrime(n: number): boolean {
  if (n < 2) return false;
  for (let i = 2; i * i <= n; i++) {
    if (n % i === 0) return false;
  }
  return true;
}

function primesUpTo(limit: number): number[] {
  const primes: number[] = [];
  for (let n = 2; n <= limit; n++) if (isPrime(n)) primes.push(n);
  return primes;
}

console.log(primesUpTo(50));
`,
  },
  {
    match: /\bfibonacci/i,
    python: `def fibonacci(count):
    sequence = []
    a, b = 0, 1
    for _ in range(count):
        sequence.append(a)
        a, b = b, a + b
    return sequence


if __name__ == "__main__":
    print(fibonacci(10))
`,
    javascript: `function fibonacci(count) {
  const sequence = [];
  let [a, b] = [0, 1];
  for (let i = 0; i < count; i++) {
    sequence.push(a);
    [a, b] = [b, a + b];
  }
  return sequence;
}

console.log(fibonacci(10));
`,
    typescript: `function fibonacci(count: number): number[] {
  const sequence: number[] = [];
  let [a, b] = [0, 1];
  for (let i = 0; i < count; i++) {
    sequence.push(a);
    [a, b] = [b, a + b];
  }
  return sequence;
}

console.log(fibonacci(10));
`,
  },
  {
    match: /\bfactorial/i,
    python: `def factorial(n):
    if n < 0:
        raise ValueError("n must be non-negative")
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result


if __name__ == "__main__":
    for n in range(6):
        print(n, factorial(n))
`,
    javascript: `function factorial(n) {
  if (n < 0) throw new RangeError("n must be non-negative");
  let result = 1;
  for (let i = 2; i <= n; i++) result *= i;
  return result;
}

for (let n = 0; n < 6; n++) console.log(n, factorial(n));
`,
    typescript: `function factorial(n: number): number {
  if (n < 0) throw new RangeError("n must be non-negative");
  let result = 1;
  for (let i = 2; i <= n; i++) result *= i;
  return result;
}

for (let n = 0; n < 6; n++) console.log(n, factorial(n));
`,
  },
  {
    match: /\b(palindrome|reverse)/i,
    python: `def reverse_text(text):
    return text[::-1]


def is_palindrome(text):
    letters = [c.lower() for c in text if c.isalnum()]
    return letters == letters[::-1]


if __name__ == "__main__":
    print(reverse_text("Radium"))
    print(is_palindrome("A man, a plan, a canal: Panama"))
`,
    javascript: `function reverseText(text) {
  return [...text].reverse().join("");
}

function isPalindrome(text) {
  const letters = text.toLowerCase().replace(/[^a-z0-9]/g, "");
  return letters === [...letters].reverse().join("");
}

console.log(reverseText("Radium"));
console.log(isPalindrome("A man, a plan, a canal: Panama"));
`,
    typescript: `function reverseText(text: string): string {
  return [...text].reverse().join("");
}

function isPalindrome(text: string): boolean {
  const letters = text.toLowerCase().replace(/[^a-z0-9]/g, "");
  return letters === [...letters].reverse().join("");
}

console.log(reverseText("Radium"));
console.log(isPalindrome("A man, a plan, a canal: Panama"));
`,
  },
  {
    match: /\b(word count|count(s|ing)? (the )?words|word frequenc)/i,
    python: `from collections import Counter
import re


def word_counts(text):
    words = re.findall(r"[a-z']+", text.lower())
    return Counter(words)


if __name__ == "__main__":
    sample = "the quick brown fox jumps over the lazy dog the end"
    for word, count in word_counts(sample).most_common(3):
        print(word, count)
`,
    javascript: `function wordCounts(text) {
  const counts = new Map();
  for (const word of text.toLowerCase().match(/[a-z']+/g) ?? []) {
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

const sample = "the quick brown fox jumps over the lazy dog the end";
console.log([...wordCounts(sample)].sort((a, b) => b[1] - a[1]).slice(0, 3));
`,
    typescript: `function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(/[a-z']+/g) ?? []) {
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

const sample = "the quick brown fox jumps over the lazy dog the end";
console.log([...wordCounts(sample)].sort((a, b) => b[1] - a[1]).slice(0, 3));
`,
  },
  {
    match: /\b(celsius|fahrenheit|temperature)/i,
    python: `def celsius_to_fahrenheit(celsius):
    return celsius * 9 / 5 + 32


def fahrenheit_to_celsius(fahrenheit):
    return (fahrenheit - 32) * 5 / 9


if __name__ == "__main__":
    for c in (-10, 0, 21.5, 100):
        print(f"{c} C = {celsius_to_fahrenheit(c):.1f} F")
`,
    javascript: `function celsiusToFahrenheit(celsius) {
  return (celsius * 9) / 5 + 32;
}

function fahrenheitToCelsius(fahrenheit) {
  return ((fahrenheit - 32) * 5) / 9;
}

for (const c of [-10, 0, 21.5, 100]) console.log(\`\${c} C = \${celsiusToFahrenheit(c).toFixed(1)} F\`);
`,
    typescript: `function celsiusToFahrenheit(celsius: number): number {
  return (celsius * 9) / 5 + 32;
}

function fahrenheitToCelsius(fahrenheit: number): number {
  return ((fahrenheit - 32) * 5) / 9;
}

for (const c of [-10, 0, 21.5, 100]) console.log(\`\${c} C = \${celsiusToFahrenheit(c).toFixed(1)} F\`);
`,
  },
  {
    match: /\b(sort|sorting)/i,
    python: `def merge_sort(items):
    if len(items) <= 1:
        return list(items)
    middle = len(items) // 2
    left = merge_sort(items[:middle])
    right = merge_sort(items[middle:])
    merged = []
    while left and right:
        merged.append(left.pop(0) if left[0] <= right[0] else right.pop(0))
    return merged + left + right


if __name__ == "__main__":
    print(merge_sort([5, 2, 9, 1, 5, 6]))
`,
    javascript: `function mergeSort(items) {
  if (items.length <= 1) return [...items];
  const middle = Math.floor(items.length / 2);
  const left = mergeSort(items.slice(0, middle));
  const right = mergeSort(items.slice(middle));
  const merged = [];
  while (left.length && right.length) merged.push(left[0] <= right[0] ? left.shift() : right.shift());
  return [...merged, ...left, ...right];
}

console.log(mergeSort([5, 2, 9, 1, 5, 6]));
`,
    typescript: `function mergeSort(items: number[]): number[] {
  if (items.length <= 1) return [...items];
  const middle = Math.floor(items.length / 2);
  const left = mergeSort(items.slice(0, middle));
  const right = mergeSort(items.slice(middle));
  const merged: number[] = [];
  while (left.length && right.length) merged.push((left[0]! <= right[0]! ? left.shift() : right.shift())!);
  return [...merged, ...left, ...right];
}

console.log(mergeSort([5, 2, 9, 1, 5, 6]));
`,
  },
];

function snake(text: string) {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .split("_")
      .slice(0, 4)
      .join("_") || "solve"
  );
}

function camel(text: string) {
  const s = snake(text).split("_");
  return s.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join("");
}

function generic(lang: Lang, request: string): string {
  const what = cleanPhrase(/\b(?:that|to|which|for)\s+([^.?!\n]+)/i.exec(request)?.[1] ?? "process the input");
  const verbPhrase = what.replace(/^(will|can|should)\s+/i, "");
  if (lang === "python") {
    const name = snake(verbPhrase);
    return `def ${name}(data):
    """${verbPhrase.charAt(0).toUpperCase() + verbPhrase.slice(1)}."""
    result = []
    for item in data:
        result.append(item)
    return result


if __name__ == "__main__":
    print(${name}([1, 2, 3]))
`;
  }
  const name = camel(verbPhrase);
  const typed = lang === "typescript";
  return `/** ${verbPhrase.charAt(0).toUpperCase() + verbPhrase.slice(1)}. */
function ${name}(data${typed ? ": unknown[]" : ""})${typed ? ": unknown[]" : ""} {
  const result${typed ? ": unknown[]" : ""} = [];
  for (const item of data) result.push(item);
  return result;
}

console.log(${name}([1, 2, 3]));
`;
}

/** A source file for the request (the conversation's earlier messages can name the language). */
export function composeCode(request: string, earlier: string[] = []): string {
  const lang = languageOf([...earlier, request].join("\n"));
  const recipe = RECIPES.find((r) => r.match.test(request)) ?? RECIPES.find((r) => earlier.some((e) => r.match.test(e)));
  return recipe ? recipe[lang] : generic(lang, request);
}

function detectLang(content: string): Lang {
  if (/^\s*def\s|^\s*import\s+\w+$|print\(/m.test(content) && !/[{};]\s*$/m.test(content)) return "python";
  if (/:\s*(number|string|boolean|unknown)\b/.test(content)) return "typescript";
  return "javascript";
}

function describeFunction(name: string): string {
  const words = name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase()
    .trim();
  if (words.startsWith("is ")) return `Returns whether the input ${words.slice(3)}.`;
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
}

function addComments(content: string): string {
  const lang = detectLang(content);
  const lines = content.split("\n");
  const out: string[] = [];
  const prefix = lang === "python" ? "#" : "//";
  if (!/^\s*(#|\/\/|\/\*)/.test(lines[0] ?? "")) {
    out.push(`${prefix} Generated by Radium. Each function below is documented with a short comment.`, "");
  }
  lines.forEach((line, i) => {
    const prev = out.at(-1) ?? "";
    const fn = lang === "python" ? /^(\s*)def\s+(\w+)/.exec(line) : /^(\s*)(?:export\s+)?(?:async\s+)?function\s+(\w+)/.exec(line);
    if (fn && !/^\s*(#|\/\/|\*)/.test(prev)) out.push(`${fn[1]}${prefix} ${describeFunction(fn[2] ?? "")}`);
    else if (/^\s*(for|while)\b/.test(line) && !/^\s*(#|\/\/)/.test(prev)) {
      const indent = /^(\s*)/.exec(line)?.[1] ?? "";
      out.push(`${indent}${prefix} Loop over the items.`);
    } else if (lang === "python" && /^if __name__ == "__main__":/.test(line)) out.push(`${prefix} Example usage when run as a script.`);
    out.push(line);
    void i;
  });
  return out.join("\n");
}

function removeComments(content: string): string {
  return content
    .split("\n")
    .filter((l) => !/^\s*(#|\/\/)/.test(l))
    .join("\n");
}

function addTests(content: string): string {
  const lang = detectLang(content);
  const fns = [...content.matchAll(lang === "python" ? /^def\s+(\w+)\(/gm : /^(?:export\s+)?function\s+(\w+)\(/gm)].map((m) => m[1]!);
  if (lang === "python") {
    const checks = fns.map((f) => `    assert ${f} is not None  # ${f} is defined`).join("\n");
    return `${content.trimEnd()}\n\n\ndef test_functions_exist():\n${checks || "    assert True"}\n`;
  }
  const checks = fns.map((f) => `console.assert(typeof ${f} === "function", "${f} is defined");`).join("\n");
  return `${content.trimEnd()}\n\n// Tests\n${checks}\n`;
}

/** Applies a described change to source code. */
export function reviseCode(content: string, description: string): string {
  const d = description.toLowerCase();
  if (/\b(remove|delete|strip)\b.*\bcomments?\b/.test(d)) return removeComments(content);
  if (/\b(comment|comments|document|docstring|explain)\b/.test(d)) return addComments(content);
  if (/\btests?\b/.test(d)) return addTests(content);
  if (/\b(javascript|js)\b/.test(d) || /\btypescript\b/.test(d) || /\bpython\b/.test(d)) {
    const target = languageOf(description);
    const recipe = RECIPES.find((r) => Object.values({ p: r.python, j: r.javascript, t: r.typescript }).some((v) => v.trim() === content.trim()));
    if (recipe) return recipe[target];
  }
  if (/\b(shorter|simplify|simpler|concise)\b/.test(d)) {
    return content.replace(/\n{3,}/g, "\n\n").replace(/^\s*(#|\/\/).*\n/gm, "");
  }
  const lang = detectLang(content);
  const prefix = lang === "python" ? "#" : "//";
  return `${prefix} Revision: ${cleanPhrase(description)}\n${content}`;
}
