import { postgresDatabase } from '../server/support/databases';
import { fuzzInputs } from './support/fuzz-budget';
import { describeServerFuzz } from './support/server-fuzz-suite';

describeServerFuzz(postgresDatabase, fuzzInputs(500, 30_000));
