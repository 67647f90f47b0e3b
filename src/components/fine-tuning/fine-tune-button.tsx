import Link from "next/link";
import { SlidersHorizontal } from "lucide-react";
import { Button } from "@/components/ui/button";
import { fineTuneIssue, type FineTuneModel } from "@/lib/training/models";

/**
 * Fine-tune from a model's page: opens the configurator with this base model chosen; models that
 * cannot be fine-tuned get the button disabled with the reason (the configurator would not list them).
 */
export function FineTuneButton({ model }: { model: FineTuneModel }) {
  const issue = fineTuneIssue(model);
  if (issue) {
    return (
      // A disabled button takes no pointer events: the wrapper carries the reason on hover, the text for readers.
      <span title={issue} className="inline-flex">
        <Button variant="outline" disabled aria-describedby="fine-tune-why">
          <SlidersHorizontal /> Fine-tune
        </Button>
        <span id="fine-tune-why" className="sr-only">
          {issue}
        </span>
      </span>
    );
  }
  return (
    <Button asChild variant="outline">
      <Link href={`/fine-tuning/new?model=${encodeURIComponent(model.id)}`}>
        <SlidersHorizontal /> Fine-tune
      </Link>
    </Button>
  );
}
