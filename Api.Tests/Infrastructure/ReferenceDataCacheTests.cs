using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.Tests.Support;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Procedures;
using Scorecard.Infrastructure.Procedures;
using Scorecard.Infrastructure.Reference;

namespace Scorecard.Api.Tests.Infrastructure;

/// <summary>Loads of the reference data that race with writes (found by the request fuzz, which writes and reads at once).</summary>
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
            var loads = Enumerable.Range(0, 3).Select(_ => Task.Run(async () => await cache.GetAsync(CancellationToken.None))).ToList();
            var write = Task.Run(async () =>
            {
                await store.UpsertAsync([new Procedure(code, "Thủ tục", "Thử", UnitLevel.Commune, OnlineService.Full, true, false, true, null, null, null)], now, CancellationToken.None);
                cache.Invalidate();
            });
            await Task.WhenAll([.. loads, write]);

            Assert.That((await cache.GetAsync(CancellationToken.None)).ProcedureId(code), Is.Not.Null, $"procedure {code} after its write");
        }
    }
}
