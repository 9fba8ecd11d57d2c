/**
 * Reading Playwright's JSON report (`--reporter=json`) in the benchmark scripts: every test
 * result of every suite, with its status and annotations.
 */
export interface JsonResult {
  status: string;
  annotations?: { type: string; description?: string }[];
}

export interface JsonSuite {
  suites?: JsonSuite[];
  specs?: { tests: { results: JsonResult[] }[] }[];
}

/** All results of a suite and its nested suites. */
export function resultsOf(suite: JsonSuite): JsonResult[] {
  return [
    ...(suite.specs ?? []).flatMap((spec) => spec.tests.flatMap((test) => test.results)),
    ...(suite.suites ?? []).flatMap(resultsOf),
  ];
}
