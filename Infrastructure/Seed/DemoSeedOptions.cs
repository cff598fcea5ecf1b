namespace Scorecard.Infrastructure.Seed;

/// <summary>How the demo province is generated; the same seed always gives the same data.</summary>
public sealed record DemoSeedOptions(int Seed = 49);
