using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Query.Validator;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.OData;
using Microsoft.OData.UriParser;
using Scorecard.Api.Auth;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Feeds;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Telemetry;

namespace Scorecard.Api.OData;

/// <summary>
/// Serves one page of an entity set: checks the query against the limits, translates it to SQL,
/// counts and reads the page (buffered, at most the page size plus one row), then hands the rows to
/// the OData serializer with the count and the next link. Nothing is written before all of that
/// succeeded, so an error is always a whole OData error document.
/// </summary>
public sealed partial class FeedService(
    DbConnectionFactory db,
    FeedReader reader,
    ReferenceDataCache referenceCache,
    TimeProvider clock,
    IOptions<FeedLimits> options,
    FeedConcurrency concurrency,
    ScorecardMetrics metrics,
    ILogger<FeedService> logger
)
{
    private readonly FeedLimits limits = options.Value;
    private readonly SqlDialect dialect = SqlDialect.For(db.Provider);
    private readonly Dictionary<Type, FeedDefinition> feeds = Feeds
        .For(SqlDialect.For(db.Provider))
        .ToDictionary(f => f.ClrType);
    private readonly Dictionary<string, FeedDefinition> sets = Feeds
        .For(SqlDialect.For(db.Provider))
        .ToDictionary(f => f.EntitySet, StringComparer.Ordinal);

    public async Task<IActionResult> ServeAsync<T>(
        ControllerBase controller,
        ODataQueryOptions<T> query,
        CancellationToken ct
    )
        where T : class
    {
        var request = controller.Request;
        var url = request.GetEncodedPathAndQuery();
        if (url.Length > limits.MaxUrlLength)
        {
            return BadRequest($"The URL is {url.Length:N0} characters long; the limit is {limits.MaxUrlLength:N0}.");
        }

        if (request.Query.ContainsKey("$apply"))
        {
            return await AggregateAsync(controller, query, url, ct).ConfigureAwait(false);
        }

        FeedQuery plan;
        FeedQuery? parent = null;
        var counting = request.ODataFeature().Path?.LastSegment is CountSegment;
        var pageSize = FeedPreferences.PageSize(request, limits, out var preferred);
        var lookup = Lookup(request.ODataFeature().Path);
        var single = lookup is not null && lookup.Collection is null;
        try
        {
            if (single && FeedKeyLookup.RefusedOption(query) is { } option)
            {
                return BadRequest($"A single row (addressed by its key) takes $select and $expand; not {option}.");
            }

            Validate(query);
            new ExpressionLimits(limits.MaxNodeCount, ExpressionLimits.DefaultMaxFunctionDepth).Check(
                query.Filter?.FilterClause
            );
            var scope = await ScopeUnitIdAsync(controller.User, ct).ConfigureAwait(false);
            var clauses = new FeedClauses(
                query.Filter?.FilterClause,
                query.OrderBy?.OrderByClause,
                query.SelectExpand?.SelectExpandClause,
                query.Top?.Value,
                query.Skip?.Value,
                query.RawValues.SkipToken,
                lookup
            );
            plan = FeedQuery.Build(
                feeds[typeof(T)],
                dialect,
                clauses,
                scope,
                clock.GetUtcNow(),
                single ? 1 : pageSize,
                limits.MaxExpandedRows
            );
            if (lookup is { Collection: not null, Parent: { } owner })
            {
                // The row the collection hangs from must be there and within scope: else a 404, like a key lookup.
                parent = FeedQuery.Build(
                    owner,
                    dialect,
                    new FeedClauses(null, null, null, null, null, null, new FeedLookup(lookup.Key)),
                    scope,
                    clock.GetUtcNow(),
                    1
                );
            }
        }
        catch (Exception ex) when (IsQueryError(ex))
        {
            return BadRequest(
                ex is NotImplementedException ? "This kind of expression is not supported in $filter." : ex.Message
            );
        }

        var set = feeds[typeof(T)].EntitySet;
        return await WithinTimeLimitAsync(
                controller,
                url,
                set,
                async token =>
                {
                    await using var connection = await reader.OpenAsync(token).ConfigureAwait(false);
                    if (
                        parent is not null
                        && await FeedReader
                            .CountAsync(connection, parent, limits.QueryTimeoutSeconds, token)
                            .ConfigureAwait(false) == 0
                    )
                    {
                        return FeedKeyLookup.NotFound(parent);
                    }

                    if (counting)
                    {
                        return CountAnswer(
                            controller,
                            await FeedReader
                                .CountAsync(connection, plan, limits.QueryTimeoutSeconds, token)
                                .ConfigureAwait(false)
                        );
                    }

                    var feature = request.ODataFeature();
                    if (query.Count?.Value == true)
                    {
                        feature.TotalCount = await FeedReader
                            .CountAsync(connection, plan, limits.QueryTimeoutSeconds, token)
                            .ConfigureAwait(false);
                    }

                    var (rows, more) = await FeedReader
                        .ReadPageAsync<T>(connection, plan, limits.QueryTimeoutSeconds, token)
                        .ConfigureAwait(false);
                    await FeedReader
                        .ReadExpansionsAsync(connection, plan, rows, limits.QueryTimeoutSeconds, token)
                        .ConfigureAwait(false);
                    metrics.FeedRead(set, rows.Count);
                    if (single)
                    {
                        return FeedKeyLookup.Answer(
                            controller,
                            plan,
                            query.SelectExpand?.SelectExpandClause,
                            rows,
                            limits.WriteJsonDirectly
                        );
                    }

                    var next =
                        more && plan.TopAfterPage is not <= 0 ? FeedLinks.NextLink(request, plan, rows[^1]) : null;
                    if (preferred)
                    {
                        controller.Response.Headers["Preference-Applied"] =
                            "odata.maxpagesize=" + pageSize.ToString(CultureInfo.InvariantCulture);
                    }

                    if (limits.WriteJsonDirectly && FeedPreferences.WantsMinimalJson(request))
                    {
                        return new FeedPageResult(
                            plan,
                            query.SelectExpand?.SelectExpandClause,
                            rows,
                            feature.TotalCount,
                            next
                        );
                    }

                    feature.SelectExpandClause = query.SelectExpand?.SelectExpandClause;
                    feature.NextLink = next;
                    return controller.Ok(rows);
                },
                ct
            )
            .ConfigureAwait(false);
    }

    private async Task<IActionResult> AggregateAsync<T>(
        ControllerBase controller,
        ODataQueryOptions<T> query,
        string url,
        CancellationToken ct
    )
        where T : class
    {
        FeedAggregation aggregation;
        var counting = controller.Request.ODataFeature().Path?.LastSegment is CountSegment;
        try
        {
            // $filter and $orderby read the aggregation's output names only once $apply is parsed.
            _ = query.Apply.ApplyClause;
            Validate(query);
            if (query.SelectExpand is not null || query.RawValues.SkipToken is not null)
            {
                return BadRequest(
                    "With $apply, the other query options are $filter, $orderby, $top, $skip and $count, over "
                        + "its output; not $select, $expand or $skiptoken."
                );
            }

            var expressions = new ExpressionLimits(limits.MaxNodeCount, ExpressionLimits.DefaultMaxFunctionDepth);
            expressions.Check(query.Apply.ApplyClause);
            expressions.Check(query.Filter?.FilterClause);
            var scope = await ScopeUnitIdAsync(controller.User, ct).ConfigureAwait(false);
            aggregation = FeedAggregation.Build(
                feeds[typeof(T)],
                dialect,
                query.Apply.ApplyClause,
                scope,
                clock.GetUtcNow(),
                limits.MaxPageSize,
                new FeedClauses(
                    query.Filter?.FilterClause,
                    query.OrderBy?.OrderByClause,
                    null,
                    query.Top?.Value,
                    query.Skip?.Value,
                    null
                )
            );
        }
        catch (Exception ex) when (IsQueryError(ex))
        {
            return BadRequest(
                ex is NotImplementedException ? "This kind of expression is not supported in $apply." : ex.Message
            );
        }

        var set = feeds[typeof(T)].EntitySet;
        return await WithinTimeLimitAsync(
                controller,
                url,
                set,
                async token =>
                {
                    await using var connection = await reader.OpenAsync(token).ConfigureAwait(false);
                    if (counting)
                    {
                        return CountAnswer(
                            controller,
                            await FeedReader
                                .CountAsync(connection, aggregation, limits.QueryTimeoutSeconds, token)
                                .ConfigureAwait(false)
                        );
                    }

                    long? count =
                        query.Count?.Value == true
                            ? await FeedReader
                                .CountAsync(connection, aggregation, limits.QueryTimeoutSeconds, token)
                                .ConfigureAwait(false)
                            : null;
                    var rows = await FeedReader
                        .ReadAggregationAsync(connection, aggregation, limits.QueryTimeoutSeconds, token)
                        .ConfigureAwait(false);
                    if (rows is null)
                    {
                        return BadRequest(
                            $"The aggregation yields more than {limits.MaxPageSize:N0} groups; filter first, "
                                + "group by fewer properties, or read them in windows with $top and $skip."
                        );
                    }

                    metrics.FeedRead(set, rows.Count);
                    return new FeedAggregateResult(aggregation, rows, count);
                },
                ct
            )
            .ConfigureAwait(false);
    }

    /// <summary>The key lookup a path names (<c>Units('49')</c>, <c>Dossiers(…)/Unit</c>), or null for a whole
    /// set.</summary>
    /// <summary>A <c>$count</c> written directly, or by the OData serializer when direct writing is off.</summary>
    private IActionResult CountAnswer(ControllerBase controller, long count) =>
        limits.WriteJsonDirectly ? new FeedCountResult(count) : controller.Ok(count);

    private FeedLookup? Lookup(ODataPath? path)
    {
        if (path?.OfType<KeySegment>().FirstOrDefault() is not { } key)
        {
            return null;
        }

        var keys = key.Keys.ToList();
        if (path.LastSegment is NavigationPropertySegment or CountSegment && path.Count > 2)
        {
            var navigation = path.OfType<NavigationPropertySegment>().Last().NavigationProperty;
            var parent = sets[key.NavigationSource.Name];
            return new FeedLookup(keys, parent, parent.Navigation(navigation.Name), parent.Collection(navigation.Name));
        }

        return new FeedLookup(keys);
    }

    /// <summary>The id of the unit a scoped key is limited to (-1, matching nothing, if that unit is gone), or null for
    /// a province-wide key.</summary>
    private async Task<int?> ScopeUnitIdAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.ScopeUnit() is not { } unit)
        {
            return null;
        }

        var reference = await referenceCache.GetAsync(ct).ConfigureAwait(false);
        return reference.UnitId(unit) ?? -1;
    }

    private static bool IsQueryError(Exception ex) =>
        ex
            is ODataException
                or FeedQueryException
                or NotImplementedException
                or InvalidOperationException
                or ArgumentException;

    /// <summary>
    /// Runs a feed's SQL under the query time limit; a query stopped by it (cancelled, or interrupted
    /// inside SQLite) is the client's 400, a request the client abandoned is not caught here. Arithmetic the
    /// database refuses (a sum past 64 bits) is the query's fault too: a 400, not a database outage.
    /// </summary>
    private async Task<IActionResult> WithinTimeLimitAsync(
        ControllerBase controller,
        string url,
        string set,
        Func<CancellationToken, Task<IActionResult>> work,
        CancellationToken ct
    )
    {
        var key = controller.User.KeyId()
            ?? controller.User.Identity?.Name
            ?? controller.HttpContext.Connection.RemoteIpAddress?.ToString()
            ?? "";
        using var lease = concurrency.TryEnter(key);
        if (lease is null)
        {
            metrics.RateLimited("feed-queries");
            controller.Response.Headers.RetryAfter = "2";
            return new ObjectResult(
                new ODataError
                {
                    Code = "TooManyRequests",
                    Message =
                        $"This key already runs {limits.MaxConcurrentQueriesPerKey} feed queries; wait for them "
                        + $"and send this one again.",
                }
            )
            {
                StatusCode = StatusCodes.Status429TooManyRequests,
            };
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(limits.QueryTimeoutSeconds));
        var started = clock.GetTimestamp();
        try
        {
            return await work(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
            when ((ex is OperationCanceledException || db.Dialect.IsInterruption(ex))
                && timeout.IsCancellationRequested
                && !ct.IsCancellationRequested
            )
        {
            LogTimeout(logger, url, limits.QueryTimeoutSeconds);
            return BadRequest(
                $"The query ran longer than the limit of {limits.QueryTimeoutSeconds} s; narrow "
                    + $"$filter or ask for fewer rows."
            );
        }
        catch (Exception ex) when (db.Dialect.IsArithmeticError(ex))
        {
            return BadRequest(
                "A computed value is out of range (too large for its type, or a division by zero); narrow the "
                    + "query or compute with smaller numbers."
            );
        }
        catch (FeedQueryException ex)
        {
            return BadRequest(ex.Message);
        }
        finally
        {
            metrics.FeedQueried(set, clock.GetElapsedTime(started));
        }
    }

    /// <summary>
    /// Checks the query against the limits (parsing every option). The OData parser trips over a few
    /// malformed options with other exceptions than ODataException: a NullReferenceException on
    /// $expand=$ref, an OverflowException on a number no Decimal holds compared with a Double
    /// (-9223372036854775809 ge INF). Those are queries it cannot parse, like any other.
    /// </summary>
    private void Validate(ODataQueryOptions query)
    {
        try
        {
            query.Validate(FeedValidation.Settings(limits));
        }
        catch (NullReferenceException ex)
        {
            throw new FeedQueryException("The query options could not be parsed.", ex);
        }
        catch (OverflowException ex)
        {
            throw new FeedQueryException("A number in the query is out of range.", ex);
        }
    }

    public static IActionResult BadRequest(string message) =>
        new Microsoft.AspNetCore.OData.Results.BadRequestODataResult(
            new ODataError { Code = "BadRequest", Message = FeedErrorMessage.Plain(message) }
        );

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed query {Url} was stopped at the {Seconds} s limit")]
    private static partial void LogTimeout(ILogger logger, string url, int seconds);
}
