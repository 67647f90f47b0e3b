import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { ArrowLeft, Rocket } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { formatContextWindow, formatPricePerMillion } from "@/lib/model-size";
import { formatNumber } from "@/lib/format";
import { parameterCountB } from "@/lib/model-spec";
import { api } from "@/trpc/server";
import { FineTuneButton } from "@/components/fine-tuning/fine-tune-button";

async function load(id: string) {
  try {
    return await api.models.byId({ id });
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  }
}

export async function generateMetadata({ params }: PageProps<"/models/[id]">) {
  // The tab shows the model's name, not its slug.
  const model = await load(decodeURIComponent((await params).id));
  return { title: model.name };
}

export default async function ModelPage({ params }: PageProps<"/models/[id]">) {
  const model = await load(decodeURIComponent((await params).id));
  const facts: Array<[string, string]> = [
    ["Provider", model.provider],
    ["Type", model.type[0]!.toUpperCase() + model.type.slice(1)],
    ["Parameters", model.parameterSize ?? "Undisclosed"],
    ["Context window", `${formatContextWindow(model.contextWindow)} (${formatNumber(model.contextWindow)} tokens)`],
    ["Input price", `${formatPricePerMillion(model.inputPricePerMillion)} / 1M tokens`],
    ["Output price", `${formatPricePerMillion(model.outputPricePerMillion)} / 1M tokens`],
    ["Minimum GPU memory", model.minGpuMemoryGb ? `${model.minGpuMemoryGb} GB` : "Hosted only"],
    ["License", model.license ?? "—"],
  ];
  return (
    <PageBody>
      <Button asChild variant="ghost" size="sm" className="w-fit">
        <Link href="/models">
          <ArrowLeft /> All models
        </Link>
      </Button>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {model.name}
            <Badge variant={model.status === "available" ? "secondary" : "outline"} className="capitalize">
              {model.status}
            </Badge>
          </span>
        }
        description={model.description}
        actions={
          <>
            {parameterCountB(model) === null ? (
              <Button disabled title="Hosted only: its weights are not available to deploy">
                <Rocket /> Deploy
              </Button>
            ) : (
              <Button asChild>
                <Link href={`/deployments/new?model=${encodeURIComponent(model.id)}`}>
                  <Rocket /> Deploy
                </Link>
              </Button>
            )}
            <FineTuneButton model={model} />
          </>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>Specifications</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-x-8 gap-y-4 sm:grid-cols-2">
            {facts.map(([k, v]) => (
              <div key={k} className="flex flex-col gap-1 border-b pb-3 last:border-0 sm:[&:nth-last-child(2)]:border-0">
                <dt className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{k}</dt>
                <dd className="text-sm">{v}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
    </PageBody>
  );
}
