/**
 * Copy text for a "Copy" button. The Clipboard API needs a secure context and can be refused;
 * the answer says what happened so the button can tell the user to select and copy by hand.
 */
export async function copyText(text: string): Promise<'copied' | 'failed'> {
  try {
    if (!navigator.clipboard) return 'failed'
    await navigator.clipboard.writeText(text)
    return 'copied'
  } catch {
    return 'failed'
  }
}
