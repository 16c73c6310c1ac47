import {
  contract,
  contractErrorSchema,
  contractEvents,
  type ContractEvent,
  type ContractEventPayload,
  type ContractInput,
  type ContractMethod,
  type ContractOutput,
  type DxerApi,
} from '../../shared/contract/contract';
import { ContractError } from './contract-error';

type Listener = (payload: unknown) => void;

/**
 * The DxerApi over the plain-Node host: each call is `POST /contract/<method>`
 * on the page's own origin, events arrive as Server-Sent Events on `/events`.
 * Answers are checked against the contract's schemas where they enter.
 */
export function createHttpBridge(origin: string): DxerApi {
  const listeners = new Map<string, Set<Listener>>();
  let source: EventSource | null = null;

  function connectEvents() {
    if (source) return;
    source = new EventSource(new URL('/events', origin).href);
    for (const event of Object.keys(contractEvents) as ContractEvent[]) {
      source.addEventListener(event, (message: MessageEvent<string>) => {
        const parsed = contractEvents[event].safeParse(JSON.parse(message.data));
        // An event that does not match the contract is dropped: the stores
        // also refresh on their own, so one lost event costs only freshness.
        if (!parsed.success) return;
        for (const listener of listeners.get(event) ?? []) listener(parsed.data);
      });
    }
  }

  async function invoke<M extends ContractMethod>(
    method: M,
    input: ContractInput<M>,
  ): Promise<ContractOutput<M>> {
    let response: Response;
    try {
      response = await fetch(new URL(`/contract/${method}`, origin).href, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
    } catch (error) {
      throw new ContractError({
        code: 'INTERNAL',
        message: `The desktop core could not be reached: ${String(error)}`,
        fields: [],
      });
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) throw new ContractError(errorFromResponse(response.status, body));
    return parseOutput(method, body);
  }

  function on<E extends ContractEvent>(
    event: E,
    listener: (payload: ContractEventPayload<E>) => void,
  ): () => void {
    connectEvents();
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    // The payload was parsed with contractEvents[event] before dispatch.
    const untyped = listener as Listener;
    set.add(untyped);
    return () => set.delete(untyped);
  }

  return { invoke, on };
}

function errorFromResponse(status: number, body: unknown) {
  const parsed = contractErrorSchema.safeParse(
    typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined,
  );
  if (parsed.success) return parsed.data;
  return {
    code: 'INTERNAL' as const,
    message: `The desktop core answered ${status} without an error body`,
    fields: [],
  };
}

function parseOutput<M extends ContractMethod>(
  method: M,
  body: unknown,
): ContractOutput<M> {
  const parsed = contract[method].output.safeParse(body);
  if (!parsed.success) {
    throw new ContractError({
      code: 'INTERNAL',
      message: `The answer to ${method} does not match the contract`,
      fields: parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    });
  }
  // Indexing the contract by a generic method yields the union of all output
  // types; the schema used is exactly contract[M].output.
  return parsed.data as ContractOutput<M>;
}
