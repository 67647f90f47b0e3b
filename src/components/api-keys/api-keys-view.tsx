"use client";

import { useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { KeyRound, Plus } from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { RowsSkeleton } from "@/components/shell/loading-skeletons";
import { api } from "@/trpc/react";
import { CreateKeyDialog } from "./create-key-dialog";
import { ALL_DEPLOYMENTS } from "./key-form";
import { KeysTable } from "./keys-table";

/**
 * The user's API keys. `?create=1` opens the Create dialog (with `&deployment=<id>` preselecting that
 * scope): the deployment page's API tab links here that way.
 */
export function ApiKeysView() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const [open, setOpen] = useState(params.get("create") === "1");
  const initialScope = params.get("deployment") ?? ALL_DEPLOYMENTS;
  const list = api.apiKeys.list.useQuery();

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    // Closing drops the query so a reload does not open the dialog again.
    if (!next && params.has("create")) router.replace(pathname, { scroll: false });
  };
  const createButton = (
    <Button onClick={() => onOpenChange(true)}>
      <Plus /> Create key
    </Button>
  );

  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys for the OpenAI-compatible API in front of your deployments. Each key is shown once, when it is created."
        actions={list.data?.length ? createButton : undefined}
      />
      {list.isPending ? (
        <RowsSkeleton label="Loading API keys" rows={3} />
      ) : list.isError ? (
        <EmptyState
          title="Could not load your API keys"
          description={list.error.message}
          action={<Button onClick={() => list.refetch()}>Try again</Button>}
        />
      ) : list.data.length === 0 ? (
        <EmptyState
          icon={<KeyRound />}
          title="No API keys yet"
          description="Create a key for all your deployments or for one, then call it with curl or the official OpenAI clients."
          action={createButton}
        />
      ) : (
        <KeysTable keys={list.data} />
      )}
      <CreateKeyDialog key={initialScope} open={open} onOpenChange={onOpenChange} initialScope={initialScope} />
    </>
  );
}
