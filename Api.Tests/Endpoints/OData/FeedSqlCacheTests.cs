using Dapper;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints.OData;

/// <summary>Feed SQL built per query shape does not pile up in Dapper's query cache, which is never flushed.</summary>
[NonParallelizable]
public sealed class FeedSqlCacheTests : ApiFixture
{
    protected override Task SeedAsync() => FeedDataset.SeedAsync(Admin);

    [Test]
    public async Task Feeds_WhenSentManyDistinctQueryShapes_LeaveDapperCacheFlat()
    {
        const int shapes = 300;
        await Admin.GetStringAsync(new Uri("/odata/Dossiers?$filter=Code in ('w')", UriKind.Relative));
        var before = SqlMapper.GetCachedSQLCount();

        for (var size = 1; size <= shapes; size++)
        {
            // An `in` list of n values is SQL with n parameters: a new statement text for every n.
            var list = string.Join(",", Enumerable.Range(0, size).Select(i => $"'c{i}'"));
            using var page = await Admin.GetAsync(
                new Uri($"/odata/Dossiers?$count=true&$filter=Code in ({list})", UriKind.Relative)
            );
            page.EnsureSuccessStatusCode();
        }

        Assert.That(
            SqlMapper.GetCachedSQLCount() - before,
            Is.LessThan(shapes / 10),
            "statements cached for the distinct shapes"
        );
    }
}
