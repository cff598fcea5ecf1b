namespace Scorecard.Api.Caching;

/// <summary>The settings of section <c>Caching</c>.</summary>
internal sealed class HttpCachingOptions
{
    public const string Section = "Caching";

    /// <summary>How long any cache may keep a public read of a period that has ended, in seconds (0: revalidate
    /// each time).</summary>
    public int PublicMaxAgeSeconds { get; set; } = 300;
}
