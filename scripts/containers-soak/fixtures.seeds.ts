/**
 * The seeds of fixtures/containers/random/ (written by fixtures.ts, read by
 * test/load/containers/random.test.ts), in a module of their own so the test
 * imports them without running the writer.
 */
export const FIXTURE_SEEDS = [20003, 20005, 20010, 20012, 20017] as const;
