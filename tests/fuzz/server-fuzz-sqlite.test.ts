import { sqliteDatabase } from '../server/support/databases';
import { fuzzInputs } from './support/fuzz-budget';
import { describeServerFuzz } from './support/server-fuzz-suite';

describeServerFuzz(sqliteDatabase, fuzzInputs(800, 55_000));
