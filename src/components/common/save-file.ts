/**
 * Hands the browser a file without a navigation: a link with `download` to a URL, clicked and
 * removed. The page stays; a same-origin file keeps the name given.
 */
export function downloadUrl(url: string, name: string) {
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
}

/** Saves text made in the page as a file (a Blob URL behind `downloadUrl`). */
export function saveTextFile(content: string, name: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  downloadUrl(url, name);
  // Not revoked at once: the browser may start the download only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
