/**
 * The row of the form's table view a value path belongs to: a finding at
 * `indicators[3].score` links to the row `indicators[3]`, one at
 * `total.score` to `total`.
 */
export function rowKey(path: string): string {
  return path.split("#")[0]!.split(".")[0]!;
}
