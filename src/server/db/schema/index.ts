export * from "./users";
export * from "./models";
export * from "./outbox";
export * from "./notifications";
export * from "./chat";
export * from "./sessions";
export * from "./deployments";
export * from "./training";
