using Dapper;
using Microsoft.Data.Sqlite;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Api.Tests.Infrastructure;

public sealed class DapperTypeHandlerTests
{
    [OneTimeSetUp]
    public void Register() => DapperTypeHandlers.Register();

    [Test]
    public async Task Instant_WhenStoredWithAnOffset_IsUtcTextAndReadsBackEqual()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var instant = new DateTimeOffset(2023, 7, 25, 8, 30, 15, TimeSpan.FromHours(7)).AddTicks(1234567);

        var text = await connection.ExecuteScalarAsync<string>("SELECT @Value", new { Value = instant });
        var back = await connection.ExecuteScalarAsync<DateTimeOffset>("SELECT @Value", new { Value = instant });

        Assert.That(text, Is.EqualTo("2023-07-25T01:30:15.1234567Z"));
        Assert.That(back, Is.EqualTo(instant));
        Assert.That(back.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void InstantText_Always_SortsAsTheInstants()
    {
        var instants = new[]
        {
            new DateTimeOffset(2023, 12, 31, 23, 59, 59, TimeSpan.FromHours(7)),
            new DateTimeOffset(2023, 12, 31, 17, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)).AddTicks(-1),
            new DateTimeOffset(2009, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };

        var byText = instants.OrderBy(DapperTypeHandlers.FormatInstant, StringComparer.Ordinal);

        Assert.That(byText, Is.EqualTo(instants.Order()));
    }

    [Test]
    public async Task Date_WhenStored_IsIsoText()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();

        var text = await connection.ExecuteScalarAsync<string>(
            "SELECT @Value",
            new { Value = new DateOnly(2024, 2, 9) }
        );
        var back = await connection.ExecuteScalarAsync<DateOnly>("SELECT '2024-02-09'");

        Assert.That(text, Is.EqualTo("2024-02-09"));
        Assert.That(back, Is.EqualTo(new DateOnly(2024, 2, 9)));
    }
}
