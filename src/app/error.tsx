"use client";

import { useEffect } from "react";
import { TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => console.error(error), [error]);
  return (
    <main className="grid min-h-[60dvh] place-items-center p-6">
      <EmptyState
        className="w-full max-w-md border-none"
        icon={<TriangleAlert />}
        title="Something went wrong"
        description={error.digest ? `The error was logged (reference ${error.digest}). Try again.` : "Try again in a moment."}
        action={<Button onClick={reset}>Try again</Button>}
      />
    </main>
  );
}
