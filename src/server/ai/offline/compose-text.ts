/**
 * The offline model's prose: essays, stories, poems and letters written from the conversation
 * (topic, audience, length and any points the user asked to cover), and rule-based revisions.
 */
import { audienceOf, topicOf } from "./intents";
import { capitalize, cleanPhrase, hashString, pick, sentences, titleCase } from "./text-utils";

export interface WritingBrief {
  /** The request that asked for the document (the latest user message). */
  request: string;
  /** Everything the user said before, oldest first. */
  earlier: string[];
  title: string;
}

type Form = "essay" | "story" | "poem" | "letter";
type Length = "short" | "normal" | "long";

function formOf(request: string): Form {
  if (/\b(poem|haiku|verse|sonnet|limerick)\b/i.test(request)) return "poem";
  if (/\b(story|tale|fable|narrative)\b/i.test(request)) return "story";
  if (/\b(letter|email|e-mail|note to|memo)\b/i.test(request)) return "letter";
  return "essay";
}

function lengthOf(request: string): Length {
  if (/\b(short|brief|quick|concise|small|tiny|one[- ]paragraph)\b/i.test(request)) return "short";
  if (/\b(long|detailed|in[- ]depth|thorough|comprehensive)\b/i.test(request)) return "long";
  return "normal";
}

/** Points the user asked to cover: "mention X", "focus on Y", "include Z", "covering W". */
function pointsOf(texts: string[]): string[] {
  const out: string[] = [];
  for (const t of texts) {
    for (const m of t.matchAll(/\b(?:mention(?:ing)?|focus(?:ing)? on|include|including|cover(?:ing)?|talk about|highlight(?:ing)?)\s+([^.?!\n]+)/gi)) {
      const phrase = cleanPhrase((m[1] ?? "").replace(/\s+\b(and then|then)\b[\s\S]*$/i, ""));
      if (phrase && !out.includes(phrase)) out.push(phrase);
    }
  }
  return out.slice(0, 3);
}

function lowerFirst(text: string) {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

export function composeProse(brief: WritingBrief): string {
  const request = brief.request;
  const topic = topicOf(request) ?? lowerFirst(brief.title.replace(/^Untitled \w+$/, "this subject"));
  const audience = audienceOf(request) ?? brief.earlier.map(audienceOf).find(Boolean) ?? null;
  const points = pointsOf([...brief.earlier, request]);
  const length = lengthOf(request);
  const seed = hashString(`${topic}|${brief.title}`);
  const title = brief.title;
  switch (formOf(request)) {
    case "poem":
      return poem(title, topic, seed, length);
    case "story":
      return story(title, topic, audience, points, seed, length);
    case "letter":
      return letter(title, topic, audience, points, seed);
    default:
      return essay(title, topic, audience, points, seed, length);
  }
}

function essay(title: string, topic: string, audience: string | null, points: string[], seed: number, length: Length): string {
  const T = capitalize(topic);
  const openers = [
    `${T} is one of those subjects that rewards a closer look.`,
    `Few subjects are as easy to take for granted as ${topic}.`,
    `At first glance, ${topic} can seem simple.`,
  ];
  const intro = [
    pick(openers, seed),
    `It's very easy to treat it as background, yet the more carefully you examine it, the more it connects to history, to everyday habits and to the choices people make.`,
    `This essay looks at where ${topic} comes from, why it matters today, and what it might become.`,
    audience ? `It is written for ${audience}, so it favours clear examples over jargon.` : "",
  ]
    .filter(Boolean)
    .join(" ");

  const sections: Array<[string, string]> = [
    [
      "Where it begins",
      `Every account of ${topic} starts with a question: how did it come to be the way it is? The answer is rarely a single moment. It is a lot of small steps, each one shaped by the people, places and constraints of its time. Looking at those steps explains a great deal about the present.`,
    ],
    [
      "Why it matters",
      `The importance of ${topic} shows up in ordinary life. It influences how people spend their time, what they value and how they talk to one another. That is a very important point, because it means understanding ${topic} is not only an academic exercise — it helps us make better decisions.`,
    ],
    [
      "Common misunderstandings",
      `Much of what is commonly said about ${topic} is half true. Simple stories are appealing, and they spread quickly, but they leave out the trade-offs and the exceptions. Due to the fact that the details are often messy, it is worth slowing down and checking the evidence before drawing conclusions.`,
    ],
    [
      "Looking ahead",
      `The future of ${topic} will depend on the same forces that shaped its past: curiosity, necessity and the willingness to try something new. Some changes will be gradual and barely noticed; others will arrive suddenly and change the conversation entirely.`,
    ],
  ];
  for (const p of points) {
    sections.splice(1, 0, [
      titleCase(p),
      `No discussion of ${topic} is complete without ${p}. It adds a concrete example to the general picture: it shows how the ideas above play out in practice, and why the details deserve attention.`,
    ]);
  }
  const count = length === "short" ? 2 : length === "long" ? sections.length : Math.min(sections.length, 3 + points.length);
  const body = sections.slice(0, count);
  const conclusion = `In the end, ${topic} is worth understanding because it connects the past to the choices in front of us. Looking at it closely — its origins, its significance and its direction — turns a familiar subject into a genuinely interesting one.`;
  const parts = [`# ${title}`, intro, ...body.map(([h, p]) => `## ${h}\n\n${p}`), `## Conclusion\n\n${conclusion}`];
  if (length === "long") {
    parts.splice(
      parts.length - 1,
      0,
      `## A closer look\n\n${capitalize(topic)} also raises practical questions. Who benefits, who bears the costs, and how do those answers change over time? Asking them keeps the discussion grounded. It's tempting to look for one decisive factor, but the honest answer usually involves several, working together.`,
    );
  }
  return parts.join("\n\n");
}

function story(title: string, topic: string, audience: string | null, points: string[], seed: number, length: Length): string {
  const name = pick(["Mara", "Tomas", "Ines", "Jonah", "Lea", "Ravi"], seed);
  const place = pick(["a small harbour town", "a city of narrow streets", "a village at the edge of a forest", "an old house by the river"], seed, 1);
  const paras = [
    `${name} had lived in ${place} long enough to believe nothing surprising could happen there. That changed on the morning ${name} first noticed ${topic}.`,
    `At first it was a very small thing — easy to miss, easier to ignore. But it kept returning, a little clearer each time, until ignoring it felt like a choice rather than an accident.`,
    `${name} began asking questions. Some people laughed; others went quiet in a way that said more than any answer. It was an old neighbour who finally explained what ${topic} had meant to the town, years before.`,
    ...points.map((p) => `Along the way ${name} learned about ${p}, and it changed how the whole story fit together.`),
    `By the end of the season, ${name} understood that ${topic} had never really been strange. It had simply been waiting for someone to pay attention.`,
  ];
  const chosen = length === "short" ? [paras[0]!, paras[1]!, paras.at(-1)!] : paras;
  const dedication = audience ? `\n\n_For ${audience}._` : "";
  return `# ${title}\n\n${chosen.join("\n\n")}${dedication}`;
}

function poem(title: string, topic: string, seed: number, length: Length): string {
  const stanzas = [
    [`Quiet at first, then everywhere: ${topic},`, "a small light moving through the ordinary day;", "we hardly notice how it shapes our lives", "until it turns, and will not look away."],
    ["We give it names, we write it into rhyme,", "we try to hold it steady in our hands;", "it slips between the measured marks of time", `and leaves its pattern, written in the sands.`],
    [`So here's to ${topic}, and what it shows,`, "to what it was, and what it's yet to be —", "a very old and very new repose,", "a door left open, and a turning key."],
  ];
  const chosen = length === "short" ? [stanzas[0]!, stanzas[2]!] : pick([stanzas, [stanzas[1]!, stanzas[0]!, stanzas[2]!]], seed);
  return `# ${title}\n\n${chosen.map((s) => s.join("\n")).join("\n\n")}`;
}

function letter(title: string, topic: string, audience: string | null, points: string[], seed: number): string {
  const greeting = audience ? `Dear ${audience.replace(/^(my|our)\s+/i, "")},` : "Hello,";
  const body = [
    `I'm writing about ${topic}. I wanted to share a few thoughts while they are fresh, because I think it's a very useful moment to talk about it.`,
    `In short: ${topic} deserves some attention. A little time spent on it now will save a lot of effort later, and it gives us a clearer picture of the options.`,
    ...points.map((p) => `I'd also like to mention ${p}, which seems directly relevant.`),
    `If it helps, I'm happy to talk it through — just let me know a time that suits you.`,
  ];
  const close = pick(["Best regards,", "Warm wishes,", "Kind regards,"], seed);
  return `# ${title}\n\n${greeting}\n\n${body.join("\n\n")}\n\n${close}\nRadium`;
}

// ---------------------------------------------------------------------------------------------
// Revisions

const CONTRACTIONS: Array<[RegExp, string]> = [
  [/\bIt's\b/g, "It is"],
  [/\bit's\b/g, "it is"],
  [/\bI'm\b/g, "I am"],
  [/\bdon't\b/gi, "do not"],
  [/\bdoesn't\b/gi, "does not"],
  [/\bcan't\b/gi, "cannot"],
  [/\bwon't\b/gi, "will not"],
  [/\bisn't\b/gi, "is not"],
  [/\baren't\b/gi, "are not"],
  [/\bI'd\b/g, "I would"],
  [/\bI'll\b/g, "I will"],
  [/\bthat's\b/gi, "that is"],
  [/\bthere's\b/gi, "there is"],
  [/\bwe're\b/gi, "we are"],
  [/\byou're\b/gi, "you are"],
  [/\bhere's\b/gi, "here is"],
];

const INFORMAL: Array<[RegExp, string]> = [
  [/\ba lot of\b/gi, "a great deal of"],
  [/\ba lot\b/gi, "considerably"],
  [/\bkids\b/gi, "children"],
  [/\bget\b/gi, "obtain"],
  [/\bbig\b/gi, "substantial"],
  [/\bjust\s+/gi, ""],
  [/\breally\s+/gi, ""],
  [/\bHello,/g, "Dear colleague,"],
];

const WORDY: Array<[RegExp, string]> = [
  [/\bdue to the fact that\b/gi, "because"],
  [/\bin order to\b/gi, "to"],
  [/\bat this point in time\b/gi, "now"],
  [/\bit is important to note that\s+/gi, ""],
  [/\ba lot of\b/gi, "many"],
  [/\bvery important\b/gi, "crucial"],
  [/\bvery small\b/gi, "tiny"],
  [/\bvery easy\b/gi, "easy"],
  [/\bvery useful\b/gi, "valuable"],
  [/\bvery (\w+)/gi, "$1"],
  [/ {2,}/g, " "],
];

function applyAll(text: string, rules: Array<[RegExp, string]>): string {
  return rules.reduce((t, [re, to]) => t.replace(re, to), text);
}

/** Blocks of a Markdown document: headings and paragraphs, separated by blank lines. */
function blocks(content: string): string[] {
  return content.split(/\n{2,}/).filter((b) => b.trim().length > 0);
}

function shorten(content: string): string {
  const bs = blocks(content);
  const isHeading = (b: string) => /^#{1,6}\s/.test(b);
  const out: string[] = [];
  // Keep the first two sections and the last one; trim paragraphs to their first half.
  const sectionStarts = bs.map((b, i) => (/^##\s/.test(b) ? i : -1)).filter((i) => i >= 0);
  const drop = new Set<number>();
  if (sectionStarts.length > 3) {
    for (const start of sectionStarts.slice(2, -1)) {
      const next = sectionStarts.find((s) => s > start) ?? bs.length;
      for (let i = start; i < next; i++) drop.add(i);
    }
  }
  bs.forEach((b, i) => {
    if (drop.has(i)) return;
    if (isHeading(b) || /^\s*[-*>]|\n/.test(b)) {
      out.push(b);
      return;
    }
    const ss = sentences(b);
    out.push(ss.slice(0, Math.max(1, Math.ceil(ss.length / 2))).join(" "));
  });
  const result = out.join("\n\n");
  return result.length < content.length ? result : sentencesCut(content);
}

function sentencesCut(content: string): string {
  const ss = sentences(content);
  return ss.slice(0, Math.max(1, Math.ceil(ss.length * 0.6))).join(" ");
}

function topicFromTitle(title: string): string {
  return title.replace(/^Untitled \w+$/, "this subject").toLowerCase();
}

function lengthen(content: string, title: string, description: string): string {
  const topic = topicOf(description) ?? topicFromTitle(title);
  const addition = [
    `## Going further`,
    `There is more to say about ${topic}. One useful way to think about it is to ask what would change if it disappeared tomorrow: which habits, plans and expectations quietly depend on it? The answer tends to be longer than expected.`,
    `Another angle is comparison. Set ${topic} beside something similar and the differences become easier to see — and so do the reasons behind them. That contrast often explains more than a list of facts.`,
  ].join("\n\n");
  const bs = blocks(content);
  const conclusionAt = bs.findIndex((b) => /^##\s+(Conclusion|Summary|In closing)/i.test(b));
  if (conclusionAt > 0) bs.splice(conclusionAt, 0, addition);
  else bs.push(addition);
  return bs.join("\n\n");
}

function polish(content: string): string {
  return blocks(content)
    .map((b) => {
      if (/^#{1,6}\s/.test(b) || /^\s*[-*>|]/.test(b)) return b.replace(/[ \t]+$/gm, "");
      let t = applyAll(b, WORDY).replace(/\s+([,.;:!?])/g, "$1");
      t = t.replace(/(^|[.!?]\s+)([a-z])/g, (_, pre: string, c: string) => pre + c.toUpperCase());
      if (!/[.!?:"”)]$/.test(t.trim()) && !t.includes("\n")) t = `${t.trim()}.`;
      return t;
    })
    .join("\n\n");
}

/**
 * Applies a described change to prose. Recognised: shorter, longer, more formal, more casual,
 * polish/improve/fix, add a conclusion or a section about X, rename/retitle. Anything else is
 * applied as a polish plus a short section that addresses the request.
 */
export function reviseProse(content: string, title: string, description: string): string {
  const d = description.toLowerCase();
  if (/\b(shorter|shorten|concise|cut|trim|condense|brief)\b/.test(d)) return shorten(content);
  if (/\b(longer|lengthen|expand|more detail|elaborate|extend)\b/.test(d)) return lengthen(content, title, description);
  if (/\b(more formal|formal|professional)\b/.test(d)) return applyAll(applyAll(content, CONTRACTIONS), INFORMAL);
  if (/\b(casual|friendlier|friendly|informal|relaxed)\b/.test(d)) {
    return content.replace(/\bIt is\b/g, "It's").replace(/\bit is\b/g, "it's").replace(/\bdo not\b/g, "don't").replace(/\bDear colleague,/g, "Hi there,");
  }
  const retitle = /\b(?:rename|retitle|call it|title it)\s+(?:it\s+|the \w+\s+)?(?:to\s+)?["“]?([^"”\n]+?)["”]?\s*$/i.exec(description);
  if (retitle?.[1]) {
    const newTitle = cleanPhrase(retitle[1]);
    return /^# .*/m.test(content) ? content.replace(/^# .*/m, `# ${newTitle}`) : `# ${newTitle}\n\n${content}`;
  }
  if (/\b(conclusion|summary|wrap[- ]up|closing)\b/.test(d) && /\b(add|write|include|append)\b/.test(d)) {
    const topic = topicFromTitle(title);
    return `${content.trimEnd()}\n\n## Summary\n\nTaken together, these points show why ${topic} deserves attention: it has a history worth knowing, a present that affects everyday choices, and a future still being decided.`;
  }
  const section = /\b(?:add|include|write|insert)\s+(?:a|an|one|another)?\s*(?:new\s+)?(?:section|paragraph|part|example|bit)\s+(?:about|on|covering)\s+([^.?!\n]+)/i.exec(description);
  if (section?.[1]) {
    const what = cleanPhrase(section[1]);
    return `${content.trimEnd()}\n\n## ${titleCase(what)}\n\n${capitalize(what)} deserves its own place here. It connects directly to ${topicFromTitle(title)}: it shows the general ideas at work in a specific case, and it makes the rest of the document easier to picture.`;
  }
  const polished = polish(content);
  if (polished !== content && /\b(polish|improve|fix|clean|proofread|tidy|grammar|better|edit)\b/.test(d)) return polished;
  const request = cleanPhrase(description);
  return `${polished.trimEnd()}\n\n## ${titleCase(request.length > 60 ? request.slice(0, 60).replace(/\s+\S*$/, "") : request)}\n\nThis revision responds to the request to ${lowerFirst(request)}. The points above still stand; this section makes the requested change explicit so the document reads as a whole.`;
}
