import { notFound } from "next/navigation";
import { isUuid } from "@/lib/uuid";

/**
 * The layout of a page addressed by a uuid (`[id]`): a malformed id is refused here, outside the page's
 * loading state, so it still answers 404 — once a loading state has been sent the status is 200.
 */
export async function UuidParamLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  if (!isUuid((await params).id)) notFound();
  return children;
}
