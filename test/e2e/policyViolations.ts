import type { Page } from '@playwright/test'

/** Records the Content-Security-Policy violations the page reports (a blocked script, worker or style). */
export async function recordPolicyViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const violations: string[] = []
    Object.assign(window, { policyViolations: violations })
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    )
  })
}

/** What recordPolicyViolations has seen so far. */
export const policyViolations = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { policyViolations: string[] }).policyViolations)
