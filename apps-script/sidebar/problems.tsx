// The cells Rounds could not use, as a list under a view's answer: each names its tab, row and column.
export function Problems({ problems }: { problems: readonly string[] }) {
  if (!problems.length) return null;
  return (
    <>
      <h3>Cells to look at</h3>
      <ul class="problems">
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </>
  );
}
