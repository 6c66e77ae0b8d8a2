/**
 * A slide's fixed sizes, in layout pixels: slideLayout.ts fits the rows with them, and the diagrams
 * draw with them. Apart from slideLayout.ts, which only the hosts of fitted diagrams (#/embed,
 * #/present) bring along, so the comparison's first screen carries these few numbers, not the fitting.
 */

/** Font size of an arrow's label in layout pixels (diagram.ts fontSizes.label). */
export const slideLabelFont = 11
/** A diagram's one-line head (title and verdict) in layout pixels; SwimlaneDiagram draws it this tall. */
export const slideHeadHeight = 20
/** Space between two stacked diagrams, in layout pixels. */
export const slideRowGap = 4
/**
 * The one time axis above the rows, its times written once (10 px text): each row's own tick
 * labels would sit on its head, and the rows share the axis anyway.
 */
export const slideAxisHeight = 16
