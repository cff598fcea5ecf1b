using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.Tests.Support;
using Scorecard.Domain.Calendar;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Procedures;
using Scorecard.Infrastructure.Audit;
using Scorecard.Infrastructure.Calendar;
using Scorecard.Infrastructure.Procedures;
using Scorecard.Infrastructure.Reference;

namespace Scorecard.Api.Tests.Infrastructure;

/// <summary>Loads of the reference data that race with writes (found by the request fuzz, which writes and reads at
/// once).</summary>
public sealed class ReferenceDataCacheTests
{
    [Test]
    public async Task GetAsync_WhenProceduresAreWrittenDuringLoads_NeverFailsAndNeverKeepsAStaleLoad()
    {
        using var factory = new ScorecardFactory();
        var cache = factory.Services.GetRequiredService<ReferenceDataCache>();
        var store = factory.Services.GetRequiredService<ProcedureStore>();
        var now = DateTimeOffset.UtcNow;

        for (var i = 0; i < 60; i++)
        {
            var code = "9." + i.ToString(CultureInfo.InvariantCulture);
            cache.Invalidate();
            var loads = Enumerable
                .Range(0, 3)
                .Select(_ => Task.Run(async () => await cache.GetAsync(CancellationToken.None)))
                .ToList();
            var write = Task.Run(async () =>
            {
                await store.UpsertAsync(
                    [
                        new Procedure(
                            code,
                            "Thủ tục",
                            "Thử",
                            UnitLevel.Commune,
                            OnlineService.Full,
                            true,
                            false,
                            true,
                            null,
                            null,
                            null
                        ),
                    ],
                    AuditStamp.System(now),
                    CancellationToken.None
                );
                cache.Invalidate();
            });
            await Task.WhenAll([.. loads, write]);

            Assert.That(
                (await cache.GetAsync(CancellationToken.None)).ProcedureId(code),
                Is.Not.Null,
                $"procedure {code} after its write"
            );
        }
    }

    [Test]
    public async Task GetAsync_AfterAWriteThroughAStore_SeesItWithoutBeingInvalidated()
    {
        using var factory = new ScorecardFactory();
        var cache = factory.Services.GetRequiredService<ReferenceDataCache>();
        var procedures = factory.Services.GetRequiredService<ProcedureStore>();
        var calendar = factory.Services.GetRequiredService<CalendarStore>();
        var holiday = new DateOnly(2031, 9, 2);
        _ = await cache.GetAsync(CancellationToken.None);

        await procedures.UpsertAsync(
            [
                new Procedure(
                    "9.written",
                    "Thủ tục",
                    "Thử",
                    UnitLevel.Commune,
                    OnlineService.Full,
                    true,
                    false,
                    true,
                    null,
                    null,
                    null
                ),
            ],
            AuditStamp.System(DateTimeOffset.UtcNow),
            CancellationToken.None
        );
        await calendar.UpsertAsync(
            [new CalendarDay(holiday, CalendarDayKind.Holiday, "Quốc khánh")],
            AuditStamp.System(DateTimeOffset.UtcNow),
            CancellationToken.None
        );

        var reference = await cache.GetAsync(CancellationToken.None);
        Assert.That(reference.ProcedureId("9.written"), Is.Not.Null);
        Assert.That(reference.Calendar.IsWorkingDay(holiday), Is.False);
    }
}
