import { trpcHandler } from "@/server/api/http-handler";

export { trpcHandler as GET, trpcHandler as POST };
