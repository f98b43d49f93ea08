/** The one place where the command turns the parser's problems into sentences. */
import type { RecordingProblem } from '../core/recording/recording.js';

export function wordProblem(problem: RecordingProblem): string {
  return problem.message;
}
