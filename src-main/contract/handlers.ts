import type { z } from 'zod';
import type {
  Contract,
  ContractMethod,
  ContractOutput,
} from '../../shared/contract/contract';

/**
 * One handler per method of the renderer↔main contract. A handler receives
 * the payload after the dispatcher has parsed it with the method's input
 * schema (defaults applied, unknown keys refused), so it never sees raw input.
 */
export type ContractHandlers = {
  [M in ContractMethod]: (
    input: z.output<Contract[M]['input']>,
  ) => Promise<ContractOutput<M>>;
};
