"use client";

import { Download } from "lucide-react";
import { toast } from "sonner";
import { saveTextFile } from "@/components/common/save-file";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { api } from "@/trpc/react";
import { type CostFilters, recordsInput } from "./filters";

/** Exports the records matching the filters as CSV. */
export function ExportButton({ filters, disabled }: { filters: CostFilters; disabled: boolean }) {
  const exportCsv = api.costs.exportCsv.useMutation({
    onSuccess: (r) => {
      saveTextFile(r.csv, r.filename, "text/csv");
      if (r.truncated) toast.warning(`Exported the first ${r.rows.toLocaleString("en")} records; narrow the range for the rest.`);
    },
    onError: (e) => toast.error(`Could not export: ${e.message}`),
  });
  return (
    <Button variant="outline" disabled={disabled || exportCsv.isPending} onClick={() => exportCsv.mutate(recordsInput(filters))}>
      {exportCsv.isPending ? <Spinner /> : <Download />}
      Export CSV
    </Button>
  );
}
