/** The pages the checks read, or why a check could not read them (said as "not checked", never as a pass). */
import { describeChain, type Chain, type Exchange, type Observations } from '../types';

export type Answer = { answer: Exchange } | { notChecked: string };

/** The final answer of a chain, or why there is none. */
export function chainAnswer(obs: Observations, chain: Chain | undefined, what: string): Answer {
  if (obs.httpsSkipped) return { notChecked: obs.httpsSkipped };
  if (!chain) return { notChecked: `${what} was not requested` };
  const last = chain.hops[chain.hops.length - 1];
  switch (chain.end) {
    case 'answer':
      return { answer: last };
    case 'loop':
      return { notChecked: `${what} never answers: a redirect loop (${describeChain(chain)})` };
    case 'too-many':
      return { notChecked: `${what} takes more than 5 redirects` };
    case 'off-host':
      return { notChecked: `${what} redirects to another host (${chain.next})` };
    case 'not-followed':
      return { notChecked: `${what} redirects to ${chain.next}, not followed: the certificate does not verify` };
    default:
      return { notChecked: `${what} does not answer (${last?.error?.code ?? 'no answer'})` };
  }
}

export function homeAnswer(obs: Observations): Answer {
  return chainAnswer(obs, obs.home, `the HTTPS page ${obs.url.href}`);
}
