import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageBody, PageHeader } from "./page-header";

/** A section whose capability lands in a later release: real page, honest empty state. */
export function SectionPlaceholder(props: { title: string; description: string; empty: string; icon: React.ReactNode }) {
  return (
    <PageBody>
      <PageHeader title={props.title} description={props.description} />
      <EmptyState
        icon={props.icon}
        title={props.empty}
        description="This section opens soon. Meanwhile, browse the model catalog to pick a foundation model."
        action={
          <Button asChild variant="outline">
            <Link href="/models">Browse models</Link>
          </Button>
        }
      />
    </PageBody>
  );
}
