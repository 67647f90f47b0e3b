import Link from "next/link";
import { Plus, Rocket, Upload } from "lucide-react";
import { Button } from "@/components/ui/button";

/** The three ways to start: data, training, serving. */
export function QuickActions() {
  return (
    <nav aria-label="Quick actions" className="flex flex-wrap gap-2">
      <Button asChild variant="outline">
        <Link href="/datasets">
          <Upload /> Upload dataset
        </Link>
      </Button>
      <Button asChild variant="outline">
        <Link href="/fine-tuning/new">
          <Plus /> New fine-tune
        </Link>
      </Button>
      <Button asChild>
        <Link href="/deployments/new">
          <Rocket /> New deployment
        </Link>
      </Button>
    </nav>
  );
}
