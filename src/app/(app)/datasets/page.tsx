import { Database } from "lucide-react";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";

export const metadata = { title: "Datasets" };

export default function Page() {
  return (
    <SectionPlaceholder
      title="Datasets"
      description="Upload JSONL or CSV training data; Radium validates it and shows statistics."
      empty="No datasets yet"
      icon={<Database />}
    />
  );
}
