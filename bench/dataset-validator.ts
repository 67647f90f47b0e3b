// Dataset validator throughput and memory on a generated 200 MiB chat JSONL file (BENCH_DATASET_MB to change
// it), beside baseline loops that only split lines and call JSON.parse. The goal: the validator at ≥ 0.5× the
// baseline's MB/s, memory growth under 64 MB.
//
// Each mode runs in its own Node process (one's heap and JIT state do not colour the next), interleaved,
// BENCH_DATASET_RUNS times (default 3: a run reads 200 MiB, so dozens are not sensible); medians reported:
//   baseline-bytes  split the bytes on "\n" (indexOf), decode each line, JSON.parse;
//   baseline-text   a streaming TextDecoder over the chunks, split("\n"), JSON.parse;
//   rules           the validator, tokenCounting "off": every rule, duplicates, split, preview, stats but tokens;
//   sampled         the validator as the product runs it (default "sampled": the first 256 KiB of examples
//                   tokenized, then 1 in 8 up to 256 samples, then 1 in 512; the rest estimated from their size);
//   exact           the validator with every example tokenized (o200k_base).
// The ratio is against the faster baseline of the same run. Wall time and process CPU time (user + system)
// are both reported: the machine is shared and CPU time is less swayed by other load. Memory: RSS and heap
// (heapUsed + ArrayBuffers) sampled every 1 MiB read; growth over the level after a warm-up (modules and
// tokenizer tables loaded, JIT warm), peak reported; and "kept": the growth left after a full GC at the end.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const BASELINES = ["baseline-bytes", "baseline-text"] as const;
const VALIDATOR_MODES = ["rules", "sampled", "exact"] as const;
type Mode = (typeof BASELINES)[number] | (typeof VALIDATOR_MODES)[number];
const MODES: Mode[] = [...BASELINES, ...VALIDATOR_MODES];
const MB = 1024 * 1024;
const CHUNK = 64 * 1024;

interface Sample {
  mode: Mode;
  bytes: number;
  wallMs: number;
  cpuMs: number;
  rssGrowth: number;
  heapGrowth: number;
  /** Heap and buffers over the start after a full GC at the end, the validator alive: what is kept, not GC slack. */
  retained: number;
  examples: number;
  totalTokens: number;
  p50: number;
  p90: number;
  tokenized: number;
  ok: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Data: deterministic, chat-like, varied enough that the tokenizer's caches do not make it trivial.

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYSTEM_PROMPTS = Array.from(
  { length: 12 },
  (_, i) => `You are assistant #${i + 1} for a support team. Answer briefly, cite the policy section, and never guess.`,
);

/**
 * Real prose (and some code) for the messages: the paragraphs of the Markdown files under node_modules, in
 * path order. Token statistics cost depends on the text: made-up words miss the tokenizer's vocabulary and
 * caches far more often than real text does, so generated gibberish would understate its speed.
 */
function corpus(): string[] {
  const files: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < 6) walk(full, depth + 1);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith(".md")) files.push(full);
    }
  };
  walk(path.join(process.cwd(), "node_modules"), 0);
  const paragraphs: string[] = [];
  for (const file of files) {
    for (const p of fs.readFileSync(file, "utf8").split(/\n\s*\n/)) {
      const text = p.trim();
      if (text.length >= 60 && text.length <= 4000 && !text.startsWith("|") && !text.startsWith("[![")) {
        paragraphs.push(text);
      }
    }
  }
  if (paragraphs.length < 1000)
    throw new Error(`only ${paragraphs.length} paragraphs of text found under node_modules`);
  return paragraphs;
}

function exampleLine(rnd: () => number, paragraphs: string[]): string {
  const pick = () => paragraphs[Math.floor(rnd() * paragraphs.length)]!;
  const messages: { role: string; content: string; weight?: number }[] = [
    { role: "system", content: SYSTEM_PROMPTS[Math.floor(rnd() * SYSTEM_PROMPTS.length)]! },
  ];
  const exchanges = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < exchanges; i++) {
    const question = pick();
    messages.push({ role: "user", content: question.length > 600 ? question.slice(0, 600) : question });
    const answer = Array.from({ length: 1 + Math.floor(rnd() * 3) }, pick).join("\n\n");
    const reply: { role: string; content: string; weight?: number } = { role: "assistant", content: answer };
    if (exchanges > 1) reply.weight = i === exchanges - 1 ? 1 : rnd() < 0.5 ? 0 : 1;
    messages.push(reply);
  }
  return JSON.stringify({ messages });
}

async function generate(file: string, bytes: number): Promise<void> {
  if (fs.existsSync(file) && fs.statSync(file).size >= bytes) return;
  const rnd = mulberry32(20240601);
  const paragraphs = corpus();
  const out = fs.createWriteStream(`${file}.tmp`);
  let written = 0;
  while (written < bytes) {
    let batch = "";
    while (batch.length < MB) batch += `${exampleLine(rnd, paragraphs)}\n`;
    written += Buffer.byteLength(batch);
    if (!out.write(batch)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  fs.renameSync(`${file}.tmp`, file);
}

// ---------------------------------------------------------------------------------------------------------------
// One measurement, in a child process: `node --expose-gc --import tsx bench/dataset-validator.ts --child MODE FILE`.

type Push = (chunk: Uint8Array, last: boolean) => void;

/** The JS heap plus ArrayBuffer memory (the duplicate index and line buffers are typed arrays, outside the heap). */
function heapAndBuffers(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Baseline 1: split the bytes on "\n", decode each line, JSON.parse it (what the validator starts from). */
function bytesBaseline(onLine: () => void): Push {
  const decoder = new TextDecoder();
  let carry = new Uint8Array(0);
  const parse = (bytes: Uint8Array) => {
    if (bytes.length === 0) return;
    JSON.parse(decoder.decode(bytes));
    onLine();
  };
  return (chunk, last) => {
    let pos = 0;
    for (;;) {
      const nl = chunk.indexOf(10, pos);
      if (nl === -1) break;
      if (carry.length > 0) {
        const line = new Uint8Array(carry.length + nl - pos);
        line.set(carry);
        line.set(chunk.subarray(pos, nl), carry.length);
        carry = new Uint8Array(0);
        parse(line);
      } else parse(chunk.subarray(pos, nl));
      pos = nl + 1;
    }
    if (pos < chunk.length) {
      const rest = new Uint8Array(carry.length + chunk.length - pos);
      rest.set(carry);
      rest.set(chunk.subarray(pos), carry.length);
      carry = rest;
    }
    if (last) {
      parse(carry);
      carry = new Uint8Array(0);
    }
  };
}

/** Baseline 2: a streaming TextDecoder over the chunks, split("\n") on the text, JSON.parse every line. */
function textBaseline(onLine: () => void): Push {
  let decoder = new TextDecoder();
  let carry = "";
  return (chunk, last) => {
    const text = carry + decoder.decode(chunk, { stream: !last });
    const lines = text.split("\n");
    carry = last ? "" : lines.pop()!;
    for (const line of lines) {
      if (line.length === 0) continue;
      JSON.parse(line);
      onLine();
    }
    if (last) decoder = new TextDecoder();
  };
}

interface Outcome {
  examples: number;
  totalTokens: number;
  p50: number;
  p90: number;
  tokenized: number;
  ok: boolean;
}

async function child(mode: Mode, file: string): Promise<Sample> {
  const { createDatasetValidator } = await import("@/lib/datasets/validator");
  const outcome: Outcome = { examples: 0, totalTokens: 0, p50: 0, p90: 0, tokenized: 0, ok: true };
  const makePush = (): Push => {
    if (mode === "baseline-bytes") return bytesBaseline(() => outcome.examples++);
    if (mode === "baseline-text") return textBaseline(() => outcome.examples++);
    const tokenCounting = mode === "rules" ? "off" : mode;
    const v = createDatasetValidator({
      contextLength: 128_000,
      validationSplit: 0.1,
      fileName: "train.jsonl",
      tokenCounting,
    });
    return (chunk, last) => {
      v.push(chunk);
      if (!last) return;
      const { stats, ok } = v.end();
      Object.assign(outcome, {
        examples: stats.examples,
        totalTokens: stats.totalTokens,
        p50: stats.tokensPerExample.p50,
        p90: stats.tokensPerExample.p90,
        tokenized: stats.tokenizedExamples ?? 0,
        ok,
      });
    };
  };
  // Warm-up on the first 4 MiB (whole lines): modules and tokenizer tables loaded, JIT warm, before the
  // memory baseline is taken.
  const head = fs.readFileSync(file).subarray(0, 4 * MB);
  const warm = head.subarray(0, head.lastIndexOf(10) + 1);
  const warmPush = makePush();
  for (let i = 0; i < warm.length; i += CHUNK) warmPush(warm.subarray(i, i + CHUNK), false);
  warmPush(new Uint8Array(0), true);
  outcome.examples = 0;
  globalThis.gc?.();
  const rss0 = process.memoryUsage.rss();
  const heap0 = heapAndBuffers();
  let peakRss = rss0;
  let peakHeap = heap0;
  const push = makePush();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let bytes = 0;
  let chunks = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK })) {
    const data: Uint8Array = chunk;
    bytes += data.length;
    push(data, false);
    if (++chunks % 16 === 0) {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
      peakHeap = Math.max(peakHeap, heapAndBuffers());
    }
  }
  push(new Uint8Array(0), true);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  const cpuMs = (cpu.user + cpu.system) / 1000;
  globalThis.gc?.();
  const retained = heapAndBuffers() - heap0;
  // Keeps the validator (and its tables) reachable until after the measurement above.
  push.length;
  return { mode, bytes, wallMs, cpuMs, rssGrowth: peakRss - rss0, heapGrowth: peakHeap - heap0, retained, ...outcome };
}

function runChild(mode: Mode, file: string): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const args = ["--expose-gc", "--import", "tsx", import.meta.filename, "--child", mode, file];
    const proc = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    proc.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    proc.once("error", reject);
    proc.once("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("{")) reject(new Error(`${mode} run exited ${code}: ${out.slice(-500)}`));
      else resolve(JSON.parse(line));
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const mibps = (s: Sample, ms: number) => s.bytes / MB / (ms / 1000);
const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(6);

export default async function run() {
  const sizeMb = Number(process.env.BENCH_DATASET_MB ?? 200);
  const runs = Math.max(1, Number(process.env.BENCH_DATASET_RUNS ?? 3));
  // BENCH_DATASET_MODES=rules,sampled runs only those validator modes (the baselines always run).
  const only = process.env.BENCH_DATASET_MODES?.split(",");
  const modes = MODES.filter((m) => !only || BASELINES.some((b) => b === m) || only.includes(m));
  const validatorModes = VALIDATOR_MODES.filter((m) => modes.includes(m));
  const file = path.join(os.tmpdir(), `radium-bench-dataset-${sizeMb}mb.jsonl`);
  const t0 = performance.now();
  await generate(file, sizeMb * MB);
  const size = fs.statSync(file).size;
  const took = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`file: ${file} (${(size / MB).toFixed(1)} MiB; generated or reused in ${took} s)`);

  const samples = new Map<Mode, Sample[]>(MODES.map((m) => [m, []]));
  const ratios = new Map<Mode, { wall: number[]; cpu: number[] }>(
    VALIDATOR_MODES.map((m) => [m, { wall: [], cpu: [] }]),
  );
  for (let r = 0; r < runs; r++) {
    const round = new Map<Mode, Sample>();
    for (const mode of modes) {
      const s = await runChild(mode, file);
      samples.get(mode)!.push(s);
      round.set(mode, s);
      const tokens =
        s.totalTokens > 0 ? `, ${s.totalTokens} tokens, p50 ${s.p50}, p90 ${s.p90} (${s.tokenized} tokenized)` : "";
      console.log(
        `  run ${r + 1} ${mode.padEnd(14)} ${fmt(mibps(s, s.wallMs))} MiB/s wall, ${fmt(mibps(s, s.cpuMs))} MiB/s cpu, ` +
          `rss +${(s.rssGrowth / MB).toFixed(1)} MiB, heap +${(s.heapGrowth / MB).toFixed(1)} MiB ` +
          `(kept after GC +${(s.retained / MB).toFixed(1)} MiB), ${s.examples} examples${tokens}`,
      );
    }
    const bases = BASELINES.map((m) => round.get(m)!);
    const bestWall = Math.min(...bases.map((s) => s.wallMs));
    const bestCpu = Math.min(...bases.map((s) => s.cpuMs));
    for (const mode of validatorModes) {
      ratios.get(mode)!.wall.push(bestWall / round.get(mode)!.wallMs);
      ratios.get(mode)!.cpu.push(bestCpu / round.get(mode)!.cpuMs);
    }
  }

  console.log(
    `\nmedians of ${runs} interleaved runs over ${(size / MB).toFixed(0)} MiB (ratio: against the faster baseline of each run)`,
  );
  for (const mode of modes) {
    const list = samples.get(mode)!;
    const rss = Math.max(...list.map((s) => s.rssGrowth)) / MB;
    const heap = Math.max(...list.map((s) => s.heapGrowth)) / MB;
    const kept = Math.max(...list.map((s) => s.retained)) / MB;
    const r = ratios.get(mode);
    const ratio = r ? `   ${median(r.wall).toFixed(2)}× wall, ${median(r.cpu).toFixed(2)}× cpu` : "";
    console.log(
      `  ${mode.padEnd(14)} ${fmt(median(list.map((s) => mibps(s, s.wallMs))))} MiB/s wall, ` +
        `${fmt(median(list.map((s) => mibps(s, s.cpuMs))))} MiB/s cpu, peak growth rss ${fmt(rss)} MiB, ` +
        `heap ${fmt(heap)} MiB, kept ${fmt(kept)} MiB${ratio}`,
    );
  }
  const sampled = samples.get("sampled")?.[0];
  const exact = samples.get("exact")?.[0];
  if (sampled && exact) {
    const off = (a: number, b: number) => `${(((a - b) / b) * 100).toFixed(2)}%`;
    console.log(
      `sampled vs exact token statistics: total ${off(sampled.totalTokens, exact.totalTokens)}, ` +
        `p50 ${off(sampled.p50, exact.p50)}, p90 ${off(sampled.p90, exact.p90)} ` +
        `(${sampled.tokenized} of ${sampled.examples} examples tokenized)`,
    );
  }
  for (const mode of validatorModes) {
    const ratio = median(ratios.get(mode)!.wall);
    const rss = Math.max(...samples.get(mode)!.map((s) => s.rssGrowth)) / MB;
    console.log(
      `goal ${mode.padEnd(8)} ≥ 0.5× baseline: ${ratio >= 0.5 ? "met" : "NOT met"} (${ratio.toFixed(2)}×); ` +
        `memory growth < 64 MB: ${rss * 1.048576 < 64 ? "met" : "NOT met"} (${(rss * 1.048576).toFixed(1)} MB)`,
    );
  }
}

const childMode = process.argv[2] === "--child" ? MODES.find((m) => m === process.argv[3]) : undefined;
if (childMode) {
  const sample = await child(childMode, process.argv[4]!);
  console.log(JSON.stringify(sample));
  process.exit(0);
}
