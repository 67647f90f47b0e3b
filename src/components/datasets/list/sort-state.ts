/**
 * The table's sorting state and the list procedure's `sort` are two views of one choice: the server
 * sorts (it pages with a cursor), the table only shows which header is active.
 */
export const DATASET_SORTS = ["newest", "oldest", "name", "size"] as const;
export type DatasetSort = (typeof DATASET_SORTS)[number];

export interface ColumnSort {
  id: string;
  desc: boolean;
}

export const SORT_LABELS: Record<DatasetSort, string> = {
  newest: "Newest first",
  oldest: "Oldest first",
  name: "Name (A–Z)",
  size: "Largest first",
};

export function sortingFor(sort: DatasetSort): ColumnSort[] {
  if (sort === "name") return [{ id: "name", desc: false }];
  if (sort === "size") return [{ id: "fileSize", desc: true }];
  return [{ id: "createdAt", desc: sort === "newest" }];
}

/**
 * The server sort a header click asks for. Name and size sort one way only, so a click on the
 * active one keeps it; Created toggles between newest and oldest.
 */
export function sortFor(next: ColumnSort[], current: DatasetSort): DatasetSort {
  const first = next[0];
  if (!first) return current;
  if (first.id === "name") return "name";
  if (first.id === "fileSize") return "size";
  if (first.id === "createdAt") return first.desc ? "newest" : "oldest";
  return current;
}
