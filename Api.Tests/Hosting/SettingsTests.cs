using Scorecard.Api.Hosting;
using Scorecard.Api.IndicatorValues;
using Scorecard.Api.Tests.Support;
using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Api.Tests.Hosting;

/// <summary>Settings are bound and checked at start: a bad value stops the service with a message naming it.</summary>
public sealed class SettingsTests
{
    [TestCase("Ingestion:MaxEventAgeDays", "-1")]
    [TestCase("Ingestion:CachedEvents", "-1")]
    [TestCase("IndicatorValues:RefreshSeconds", "0")]
    [TestCase("IndicatorValues:StepRows", "10")]
    [TestCase("RateLimit:RequestsPerSecond", "-5")]
    [TestCase("RateLimit:Burst", "lots")]
    [TestCase("Seed:DemoOnFirstStart", "maybe")]
    [TestCase("Auth:PublicRead", "maybe")]
    [TestCase("RateLimit:PublicRequestsPerSecond", "-1")]
    [TestCase("RateLimit:PublicBurst", "many")]
    public void StartUp_WhenASettingIsInvalid_FailsNamingIt(string setting, string value)
    {
        using var factory = new ScorecardFactory(new() { [setting] = value });

        var failure = Assert.Catch(() => factory.CreateClient().Dispose());

        Assert.That(Messages(failure), Has.Some.Contains(setting));
    }

    [Test]
    public void Options_WhenNotConfigured_HaveTheDocumentedDefaults()
    {
        Assert.That(new IngestionOptions().MaxEventAgeDays, Is.EqualTo(400));
        Assert.That(new IngestionOptions().CachedEvents, Is.EqualTo(100_000));
        Assert.That(new IndicatorValuesOptions().RefreshSeconds, Is.EqualTo(5));
        Assert.That(new IndicatorValuesOptions().StepRows, Is.EqualTo(250_000));
        Assert.That(new KeyRateLimitOptions().RequestsPerSecond, Is.EqualTo(200));
        Assert.That(new KeyRateLimitOptions().Burst, Is.EqualTo(400));
        Assert.That(new KeyRateLimitOptions().PublicRequestsPerSecond, Is.EqualTo(10));
        Assert.That(new KeyRateLimitOptions().PublicBurst, Is.EqualTo(30));
        Assert.That(new SeedOptions().DemoOnFirstStart, Is.False);
    }

    private static IEnumerable<string> Messages(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e.Message;
        }
    }
}
