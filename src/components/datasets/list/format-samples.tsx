const SAMPLES = [
  {
    title: "Chat JSONL",
    note: "one conversation per line; roles system, user, assistant",
    code: '{"messages": [{"role": "user", "content": "Where is my invoice?"}, {"role": "assistant", "content": "Under Billing → Invoices."}]}',
  },
  {
    title: "CSV",
    note: "a header with input and output columns",
    code: 'input,output\n"Where is my invoice?","Under Billing → Invoices."',
  },
];

/** What a first file should look like: shown while the user has no datasets. */
export function FormatSamples() {
  return (
    <div className="grid w-full max-w-3xl gap-3 text-left md:grid-cols-2">
      {SAMPLES.map((s) => (
        <figure key={s.title} className="flex min-w-0 flex-col gap-1.5">
          <figcaption className="text-xs text-muted-foreground">
            <span className="font-medium text-foreground">{s.title}</span> · {s.note}
          </figcaption>
          <pre className="overflow-x-auto rounded-md bg-muted px-3 py-2 font-mono text-[11px] leading-relaxed whitespace-pre-wrap [overflow-wrap:anywhere]">{s.code}</pre>
        </figure>
      ))}
    </div>
  );
}
