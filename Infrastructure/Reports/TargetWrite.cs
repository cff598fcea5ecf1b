using Scorecard.Infrastructure.Units;

namespace Scorecard.Infrastructure.Reports;

/// <summary>
/// What a target upsert did: the counts when the batch was stored; otherwise nothing was stored and
/// either <paramref name="Forbidden"/> (the writer may not write those targets) or
/// <paramref name="Invalid"/> (they break the assignment rules) says why, one message per problem.
/// </summary>
public sealed record TargetWrite(UpsertOutcome Outcome, IReadOnlyList<string> Forbidden, IReadOnlyList<string> Invalid)
{
    public static TargetWrite Stored(int created, int updated) => new(new UpsertOutcome(created, updated, []), [], []);

    public static TargetWrite Refused(IReadOnlyList<string> forbidden, IReadOnlyList<string> invalid) =>
        new(UpsertOutcome.Refused([]), forbidden, invalid);
}
