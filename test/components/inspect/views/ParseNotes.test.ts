// @vitest-environment happy-dom
import { render, screen } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import ParseNotes from '../../../../src/components/inspect/views/ParseNotes.svelte'

describe('ParseNotes', () => {
  it('lists each note with its code, as text (a message quoting bytes never becomes markup)', () => {
    render(ParseNotes, {
      notes: [
        {
          code: 'negative-serial',
          message:
            'tbsCertificate.serialNumber is negative (-04316693ed): RFC 5280 4.1.2.2 requires a positive serial number (byte 13)',
          offset: 13,
        },
        { code: 'time-without-seconds', message: 'notBefore has no seconds ("<img src=x>")' },
      ],
    })
    const items = screen.getByTestId('parse-notes').querySelectorAll('li')
    expect(items).toHaveLength(2)
    expect(items[0].textContent).toBe(
      'negative-serial tbsCertificate.serialNumber is negative (-04316693ed): RFC 5280 4.1.2.2 requires a positive serial number (byte 13)',
    )
    expect(items[1].querySelector('img')).toBeNull()
    expect(items[1].textContent).toContain('("<img src=x>")')
  })
})
