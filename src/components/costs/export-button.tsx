"use client";

import { Download } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { api } from "@/trpc/react";
import { type CostFilters, recordsInput } from "./filters";

/** Hands the browser a file without a navigation: a Blob URL on a temporary link. */
function download(filename: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/** Exports the records matching the filters as CSV. */
export function ExportButton({ filters, disabled }: { filters: CostFilters; disabled: boolean }) {
  const exportCsv = api.costs.exportCsv.useMutation({
    onSuccess: (r) => {
      download(r.filename, r.csv);
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
