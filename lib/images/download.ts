/** Saves a Blob made in the page as a file (a zip, a shared copy) through a temporary link. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once it starts; keep the URL a moment for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
