// Saves a file the reader asked for: a Blob behind an object URL and a temporary link, the one
// way that works in every browser without a server. The URL is revoked once the click is done.
export function downloadFile(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start the download after the click returns; give them a moment before revoking.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
