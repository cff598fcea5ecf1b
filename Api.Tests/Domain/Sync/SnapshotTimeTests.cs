using Scorecard.Api.Sync;

namespace Scorecard.Api.Tests.Domain.Sync;

public sealed class SnapshotTimeTests
{
    [TestCase("20250303080000", "2025-03-03T01:00:00Z")]
    [TestCase("20251231235959", "2025-12-31T16:59:59Z")]
    [TestCase("2025-03-03T08:00:00+07:00", "2025-03-03T01:00:00Z")]
    [TestCase("2025-03-03T01:00:00Z", "2025-03-03T01:00:00Z")]
    public void TryParse_WhenAVietnamOrIsoTime_ReadsTheInstant(string text, string utc)
    {
        Assert.That(SnapshotTime.TryParse(text, out var at), Is.True);
        Assert.That(at, Is.EqualTo(Parse.At(utc)));
    }

    [TestCase("")]
    [TestCase(null)]
    public void TryParse_WhenEmpty_IsAbsent(string? text)
    {
        Assert.That(SnapshotTime.TryParse(text, out var at), Is.True);
        Assert.That(at, Is.Null);
    }

    [TestCase("20250230080000")] // 30 February
    [TestCase("202503030800")] // no seconds
    [TestCase("2025-03-03T08:00:00")] // no offset
    [TestCase("2025-03-03")]
    [TestCase("03/03/2025 08:00:00")]
    [TestCase("２０２５０３０３０８００００")] // full-width digits
    public void TryParse_WhenMalformed_IsFalse(string text) =>
        Assert.That(SnapshotTime.TryParse(text, out _), Is.False);
}
