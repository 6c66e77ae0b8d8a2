/**
 * Files leave the page the only way the CSP allows: a blob: URL clicked through an <a download>.
 * No network request is made.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
  // Revoking at once can cancel the download in some browsers; a few seconds is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 4000)
}
