import type {
  ContractEvent,
  ContractEventPayload,
  ContractInput,
  ContractMethod,
  ContractOutput,
  DxerApi,
} from '../../shared/contract/contract';

type Handler<M extends ContractMethod> = (
  input: ContractInput<M>,
) => Promise<ContractOutput<M>>;
type Handlers = { [M in ContractMethod]?: Handler<M> };
type Call = { method: ContractMethod; input: unknown };

/**
 * A DxerApi for store tests that records every call and answers with the
 * handlers the test gives it; a method without a handler fails the call.
 */
export class RecordingApi implements DxerApi {
  readonly calls: Call[] = [];
  private listeners = new Map<string, Set<(payload: unknown) => void>>();

  constructor(private readonly handlers: Handlers) {}

  async invoke<M extends ContractMethod>(
    method: M,
    input: ContractInput<M>,
  ): Promise<ContractOutput<M>> {
    this.calls.push({ method, input });
    const handler = this.handlers[method];
    if (!handler) throw new Error(`No handler for ${method} in this test`);
    return handler(input);
  }

  on<E extends ContractEvent>(
    event: E,
    listener: (payload: ContractEventPayload<E>) => void,
  ): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    const untyped = listener as (payload: unknown) => void;
    set.add(untyped);
    return () => set.delete(untyped);
  }

  /** Delivers an event as main would. */
  emit<E extends ContractEvent>(event: E, payload: ContractEventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  callsOf(method: ContractMethod): unknown[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.input);
  }
}
