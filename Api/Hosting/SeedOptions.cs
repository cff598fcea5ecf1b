namespace Scorecard.Api.Hosting;

/// <summary>The settings of section <c>Seed</c>.</summary>
internal sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Seed the demo province when the database has no units (on in Development).</summary>
    public bool DemoOnFirstStart { get; set; }
}
