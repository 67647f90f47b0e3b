/**
 * The API tab's code samples: the same call (one user message to the deployment) in curl, Python and
 * TypeScript, with the base URL and model filled in and the key read from $RADIUM_API_KEY.
 */
export const API_KEY_ENV = "RADIUM_API_KEY";
export const SAMPLE_PROMPT = "Hello";

export type SampleLanguage = "curl" | "python" | "typescript";

export const SAMPLE_LANGUAGES: ReadonlyArray<{ id: SampleLanguage; label: string }> = [
  { id: "curl", label: "curl" },
  { id: "python", label: "Python" },
  { id: "typescript", label: "TypeScript" },
];

/** `<origin>/api/v1`, without a trailing slash on the origin. */
export function apiBaseUrl(origin: string): string {
  return `${origin.replace(/\/+$/, "")}/api/v1`;
}

/** Single-quotes a string for POSIX sh: a quote inside becomes '\''. */
export function shellQuote(s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

export function curlSample(baseUrl: string, model: string): string {
  const body = JSON.stringify({ model, messages: [{ role: "user", content: SAMPLE_PROMPT }] });
  return [
    `curl -sS ${shellQuote(`${baseUrl}/chat/completions`)} \\`,
    `  -H "Authorization: Bearer $${API_KEY_ENV}" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d ${shellQuote(body)}`,
  ].join("\n");
}

export function pythonSample(baseUrl: string, model: string): string {
  return [
    "import os",
    "from openai import OpenAI",
    "",
    `client = OpenAI(base_url=${JSON.stringify(baseUrl)}, api_key=os.environ[${JSON.stringify(API_KEY_ENV)}])`,
    "",
    "completion = client.chat.completions.create(",
    `    model=${JSON.stringify(model)},`,
    `    messages=[{"role": "user", "content": ${JSON.stringify(SAMPLE_PROMPT)}}],`,
    ")",
    "print(completion.choices[0].message.content)",
  ].join("\n");
}

export function typescriptSample(baseUrl: string, model: string): string {
  return [
    'import OpenAI from "openai";',
    "",
    `const client = new OpenAI({ baseURL: ${JSON.stringify(baseUrl)}, apiKey: process.env.${API_KEY_ENV} });`,
    "",
    "const completion = await client.chat.completions.create({",
    `  model: ${JSON.stringify(model)},`,
    `  messages: [{ role: "user", content: ${JSON.stringify(SAMPLE_PROMPT)} }],`,
    "});",
    "console.log(completion.choices[0]?.message.content);",
  ].join("\n");
}

export function codeSamples(baseUrl: string, model: string): Record<SampleLanguage, string> {
  return { curl: curlSample(baseUrl, model), python: pythonSample(baseUrl, model), typescript: typescriptSample(baseUrl, model) };
}
