using System.Data.Common;

namespace Scorecard.Infrastructure.IndicatorValues;

/// <summary>
/// What one refresh writes: the indicator value rows and index rows of <see cref="Periods"/> (null: every period) in
/// place of the stored ones (<see cref="Scores"/> null: <c>index_scores</c> untouched), and <see cref="Finish"/> to run
/// in the last transaction before its commit (the refresh removes its stale marks there).
/// </summary>
internal sealed record FigureReplacement(
    IReadOnlyCollection<string>? Periods,
    IReadOnlyList<IndicatorValueRow> Rows,
    IReadOnlyList<IndexScoreRow>? Scores,
    Func<DbConnection, DbTransaction, Task> Finish
);
