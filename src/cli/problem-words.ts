/** The one place where the command turns the core's problems (data) into sentences: English, via i18n. */
import { causesOf, type RecordingError, type RecordingProblem } from '../core/recording/problems.js';
import { describeProblem } from '../i18n/describe-problem.js';
import { en } from '../i18n/en.js';

export function wordProblem(problem: RecordingProblem): string {
  return describeProblem(problem, en);
}

/** A fatal error's problems: the entry-level ones found first, then the fatal one, each once. */
export function problemsOfError(error: RecordingError): RecordingProblem[] {
  const seen = new Set<string>();
  const key = (problem: RecordingProblem) => `${problem.code}\u0000${problem.path ?? ''}\u0000${problem.url ?? ''}`;
  return [...error.problems, ...causesOf(error.problem), error.problem].filter((problem) => {
    if (seen.has(key(problem))) return false;
    seen.add(key(problem));
    return true;
  });
}
