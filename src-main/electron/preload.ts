import { contextBridge, ipcRenderer } from 'electron';
import { contractEvents, contractMethods } from '../../shared/contract/contract';
import type {
  ContractEvent,
  ContractEventPayload,
  ContractInput,
  ContractMethod,
  ContractOutput,
  DxerApi,
} from '../../shared/contract/contract';
import type { DispatchResult } from '../contract/dispatcher';
import { eventChannel, methodChannel } from './channels';

// The only bridge between the page and main. The page gets window.dxer with
// exactly the contract's methods and events; ipcRenderer never leaves this file.

const methods = new Set<string>(contractMethods);

const api = {
  async invoke<M extends ContractMethod>(
    method: M,
    input: ContractInput<M>,
  ): Promise<ContractOutput<M>> {
    if (typeof method !== 'string' || !methods.has(method)) {
      throw new Error(`Unknown contract method "${String(method)}"`);
    }

    const outcome = (await ipcRenderer.invoke(
      methodChannel(method),
      input,
    )) as DispatchResult;
    if (!outcome.ok) {
      // contextBridge drops an Error's own properties on the way to the
      // page; a plain ErrorBody survives the copy and the renderer reads it.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw outcome.error;
    }
    // Main's handler for M produced this value, typed ContractOutput<M>.
    return outcome.result as ContractOutput<M>;
  },

  on<E extends ContractEvent>(
    event: E,
    listener: (payload: ContractEventPayload<E>) => void,
  ): () => void {
    if (typeof event !== 'string' || !Object.hasOwn(contractEvents, event)) {
      throw new Error(`Unknown contract event "${String(event)}"`);
    }
    if (typeof listener !== 'function') throw new Error('A listener must be a function');

    const channel = eventChannel(event);
    // The IPC event object (which holds ipcRenderer) is never passed on.
    const forward = (_ipcEvent: unknown, payload: ContractEventPayload<E>) =>
      listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
} satisfies DxerApi;

contextBridge.exposeInMainWorld('dxer', api);
