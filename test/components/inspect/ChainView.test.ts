// @vitest-environment happy-dom
import { render, screen } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import ChainView from '../../../src/components/inspect/ChainView.svelte'
import type { ChainLink, Check } from '../../../src/lib/pki/types'
import { certificate } from './models'

const signature = (status: Check['status'], detail: string): Check => ({
  id: 'signature',
  label: 'Signature',
  status,
  detail,
})

function link(role: ChainLink['role'], cn: string, check: Check, inputIndex: number): ChainLink {
  return {
    info: certificate({ subject: `CN=${cn}` }),
    der: new Uint8Array(0),
    inputIndex,
    role,
    signature: check,
  }
}

describe('ChainView', () => {
  it('lists the chain leaf to root with each signature result, and sets aside certificates off the path', () => {
    render(ChainView, {
      chain: {
        state: 'built',
        links: [
          link(
            'leaf',
            'shop.example',
            signature('fail', 'not verified with the key of I1: bad signature'),
            2,
          ),
          link('intermediate', 'I1', signature('pass', 'verified with the key of R1'), 0),
          link('root', 'R1', signature('pass', 'verified with its own key (self-signed)'), 1),
          link('unlinked', 'stranger.example', signature('skip', 'no issuer loaded'), 3),
        ],
      },
    })
    const items = screen.getByTestId('chain').querySelectorAll('li')
    expect([...items].map((item) => item.dataset.role)).toEqual(['leaf', 'intermediate', 'root'])
    expect(items[0].textContent).toContain('Signature failed')
    expect(items[0].textContent).toContain('bad signature')
    expect(screen.getByText('Also loaded, but not on this path:')).toBeTruthy()
    expect(screen.getByText('stranger.example')).toBeTruthy()
  })

  it("names each certificate by its CN as written, not by the CN's escaped bytes", () => {
    render(ChainView, {
      chain: {
        state: 'built',
        links: [
          // The RFC 2253 escaped form of "Zürich 東京", as older JSON carries it.
          link('leaf', 'Z\\C3\\BCrich \\E6\\9D\\B1\\E4\\BA\\AC', signature('pass', 'verified'), 0),
          link('root', 'Root\\, R1', signature('pass', 'verified with its own key (self-signed)'), 1),
        ],
      },
    })
    const names = [...screen.getByTestId('chain').querySelectorAll('.name')].map((n) => n.textContent)
    expect(names).toEqual(['Zürich 東京', 'Root, R1'])
  })

  it('puts a long list of certificates off the path in a closed list, and says when they are all roots', () => {
    const root = (cn: string, inputIndex: number, role: ChainLink['role']) => ({
      ...link(role, cn, signature(role === 'root' ? 'pass' : 'skip', 'self-signed'), inputIndex),
      info: certificate({ subject: `CN=${cn}`, issuer: `CN=${cn}` }),
    })
    render(ChainView, {
      chain: {
        state: 'built',
        links: [
          root('Root A', 0, 'root'),
          ...['B', 'C', 'D', 'E'].map((n, i) => root(`Root ${n}`, i + 1, 'unlinked')),
        ],
      },
    })
    const list = screen.getByText('Also loaded, but not on this path: 4 certificates').closest('details')!
    expect(list.open).toBe(false)
    expect(list.querySelectorAll('li')).toHaveLength(4)
    expect(screen.getByText(/These are 5 self-signed roots, none issued by another/)).toBeTruthy()
  })

  it('keeps a few certificates off the path in sight, and calls a leaf with strangers no bundle of roots', () => {
    render(ChainView, {
      chain: {
        state: 'built',
        links: [
          link('leaf', 'shop.example', signature('skip', 'issuer not provided'), 0),
          link('unlinked', 'a.example', signature('skip', 'not on the path'), 1),
        ],
      },
    })
    expect(screen.getByText('Also loaded, but not on this path:')).toBeTruthy()
    expect(screen.getByText('a.example').closest('details')).toBeNull()
    expect(screen.queryByText(/self-signed roots/)).toBeNull()
  })

  it('shows nothing for fewer than two certificates', () => {
    const { container } = render(ChainView, { chain: { state: 'none' } })
    expect(container.textContent?.trim()).toBe('')
  })
})
