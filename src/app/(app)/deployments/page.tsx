import { Rocket } from "lucide-react";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";

export const metadata = { title: "Deployments" };

export default function Page() {
  return (
    <SectionPlaceholder
      title="Deployments"
      description="Provision a foundation or fine-tuned model on dedicated hardware, then monitor requests, latency and cost."
      empty="No deployments yet"
      icon={<Rocket />}
    />
  );
}
