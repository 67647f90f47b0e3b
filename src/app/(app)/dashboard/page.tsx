import { LayoutDashboard } from "lucide-react";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";

export const metadata = { title: "Dashboard" };

export default function Page() {
  return (
    <SectionPlaceholder
      title="Dashboard"
      description="Usage, spend and activity across chats, jobs and deployments."
      empty="Nothing to report yet"
      icon={<LayoutDashboard />}
    />
  );
}
