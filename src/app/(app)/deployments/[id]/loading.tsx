import { DeploymentSkeleton } from "@/components/deployments/detail/deployment-detail";
import { PageBody } from "@/components/shell/page-header";

export default function Loading() {
  return (
    <PageBody>
      <DeploymentSkeleton />
    </PageBody>
  );
}
