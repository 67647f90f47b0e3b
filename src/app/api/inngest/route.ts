import { serve } from "inngest/next";
import { functions, inngest } from "../../../../inngest.config";

export const { GET, POST, PUT } = serve({ client: inngest, functions });
