import type { Core } from "../core";
export async function renderPage(_core: Core, _path: string, _params: URLSearchParams): Promise<{ status: number; html: string } | null> {
  return null;
}
