export { UuidParamLayout as default } from "@/components/shell/uuid-param-layout";
