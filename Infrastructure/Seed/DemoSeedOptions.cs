namespace Scorecard.Infrastructure.Seed;

/// <summary>
/// How the demo province is generated. The same options always give the same data: <see cref="Dossiers"/> dossiers
/// received on the working days from <see cref="First"/> to <see cref="Last"/> (by default 2024-01-01 to 2026-11-30,
/// fixed so that every installation shows the same figures), the newest still open on the last day.
/// </summary>
public sealed record DemoSeedOptions(
    int Seed = 49,
    int Dossiers = DemoSeedOptions.DefaultDossiers,
    DateOnly? Until = null,
    DateOnly? From = null
)
{
    public const int DefaultDossiers = 200_000;

    public static readonly DateOnly DefaultFrom = new(2024, 1, 1);

    public static readonly DateOnly DefaultUntil = new(2026, 11, 30);

    /// <summary>The first day dossiers are received: <see cref="From"/>, by default 2024-01-01 (or the year before
    /// <see cref="Until"/> when that ends earlier).</summary>
    public DateOnly First => From ?? (Last < DefaultFrom.AddDays(364) ? Last.AddDays(-364) : DefaultFrom);

    /// <summary>The last day dossiers are received, the data's "today": <see cref="Until"/>, by default
    /// 2026-11-30.</summary>
    public DateOnly Last => Until ?? DefaultUntil;
}
