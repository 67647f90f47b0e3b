"use client";

import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { CopyButton } from "../copy-button";
import { codeSamples, SAMPLE_LANGUAGES } from "./code-samples";

/** curl / Python / TypeScript, each with a copy button (above the code on phones, beside it wider); the curl <pre> has a test id the e2e runs. */
export function CodeSampleTabs({ baseUrl, model }: { baseUrl: string; model: string }) {
  const samples = codeSamples(baseUrl, model);
  return (
    <Tabs defaultValue="curl" className="gap-3">
      <TabsList aria-label="Code sample language">
        {SAMPLE_LANGUAGES.map((l) => (
          <TabsTrigger key={l.id} value={l.id} className="px-3">
            {l.label}
          </TabsTrigger>
        ))}
      </TabsList>
      {SAMPLE_LANGUAGES.map((l) => (
        <TabsContent key={l.id} value={l.id} className="relative">
          <pre
            className="overflow-x-auto rounded-md bg-zinc-950 p-3 pt-12 font-mono sm:pt-3 sm:pr-24 text-xs leading-relaxed text-zinc-100"
            data-testid={`${l.id}-sample`}
          >
            {samples[l.id]}
          </pre>
          <div className="absolute top-2 right-2">
            <CopyButton text={samples[l.id]} label={`Copy the ${l.label} sample`} />
          </div>
        </TabsContent>
      ))}
    </Tabs>
  );
}
