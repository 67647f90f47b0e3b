import Link from "next/link";
import { Compass } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  return (
    <main className="grid min-h-dvh place-items-center p-6">
      <EmptyState
        className="w-full max-w-md border-none"
        icon={<Compass />}
        title="Page not found"
        description="The page you asked for does not exist, or you do not have access to it."
        action={
          <Button asChild>
            <Link href="/">Back to Radium</Link>
          </Button>
        }
      />
    </main>
  );
}
