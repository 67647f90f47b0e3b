"use client";

import { useEffect } from "react";
import { TriangleAlert } from "lucide-react";
import { PageBody } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function DatasetsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => console.error(error), [error]);
  return (
    <PageBody>
      <EmptyState
        icon={<TriangleAlert />}
        title="Datasets could not be shown"
        description={error.digest ? `The error was logged (reference ${error.digest}). Try again.` : "Try again in a moment."}
        action={<Button onClick={reset}>Try again</Button>}
      />
    </PageBody>
  );
}
