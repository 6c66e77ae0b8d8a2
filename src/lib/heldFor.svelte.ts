/**
 * A flag that turns true once `condition` has held for `ms` without a break, and false as soon as
 * it stops holding. For feedback that a quick answer makes needless: 0.1 s is "about the limit for
 * having the user feel that the system is reacting instantaneously, meaning that no special
 * feedback is necessary except to display the result" (J. Nielsen, Usability Engineering, 1993,
 * section 5.5). Call it while a component is set up (it owns an effect).
 */
export function heldFor(condition: () => boolean, ms: number): { readonly current: boolean } {
  let held = $state(false)
  const holding = $derived(condition())
  $effect(() => {
    if (!holding) {
      held = false
      return
    }
    const timer = setTimeout(() => (held = true), ms)
    return () => clearTimeout(timer)
  })
  return {
    get current() {
      return held
    },
  }
}
