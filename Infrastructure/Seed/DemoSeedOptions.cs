namespace Scorecard.Infrastructure.Seed;

/// <summary>
/// How the demo province is generated. The same seed and <see cref="Until"/> always give the same
/// data; <see cref="Dossiers"/> dossiers are received over the year that ends on <see cref="Until"/>
/// (default: yesterday), the newest still open.
/// </summary>
public sealed record DemoSeedOptions(
    int Seed = 49,
    int Dossiers = DemoSeedOptions.DefaultDossiers,
    DateOnly? Until = null
)
{
    public const int DefaultDossiers = 200_000;
}
