namespace Scorecard.Infrastructure.Units;

/// <summary>What a bulk upsert did: counts when it committed, or the reasons it refused the whole batch.</summary>
public sealed record UpsertOutcome(int Created, int Updated, IReadOnlyList<UpsertError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static UpsertOutcome Refused(IEnumerable<UpsertError> errors) => new(0, 0, [.. errors]);
}

/// <summary>One reason a batch was refused; <paramref name="Code"/> names the item at fault.</summary>
public sealed record UpsertError(string Code, string Message);
