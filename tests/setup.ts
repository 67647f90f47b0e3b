// `server-only` throws when imported outside a React Server environment; tests are server code.
import { vi } from "vitest";
vi.mock("server-only", () => ({}));
