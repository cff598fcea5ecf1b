using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Dapper;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Infrastructure.Feeds;

/// <summary>
/// Runs the SQL a feed query was translated into: counts, one page (buffered, at most the page size plus
/// one row, with its single-valued navigations), or an aggregation. Feed SQL is built per query shape, so
/// Dapper must not keep it in its query cache, which is never flushed (every distinct filter an analyst
/// sent would stay in memory for the life of the process).
/// </summary>
public sealed class FeedReader(DbConnectionFactory db)
{
    private const CommandFlags GeneratedSql = CommandFlags.Buffered | CommandFlags.NoCache;

    /// <summary>A connection for one feed request (<see cref="DbConnectionFactory.OpenRowReadsAsync"/>).</summary>
    /// <param name="ct">Cancelling it stops the database itself (the query time limit), not only the reading of
    /// rows.</param>
    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = await db.OpenRowReadsAsync(ct).ConfigureAwait(false);
        var interrupt = db.Dialect.InterruptOn(connection, ct);
        connection.Disposed += (_, _) => interrupt.Dispose();
        return connection;
    }

    internal static Task<long> CountAsync(
        DbConnection connection,
        FeedQuery plan,
        int timeoutSeconds,
        CancellationToken ct
    ) =>
        connection.ExecuteScalarAsync<long>(
            new CommandDefinition(
                plan.CountSql,
                plan.Parameters.Values,
                commandTimeout: timeoutSeconds,
                flags: GeneratedSql,
                cancellationToken: ct
            )
        );

    internal static async Task<(List<T> Rows, bool More)> ReadPageAsync<T>(
        DbConnection connection,
        FeedQuery plan,
        int timeoutSeconds,
        CancellationToken ct
    )
    {
        var rows = new List<T>(Math.Min(plan.Take, 1024));
        var command = new CommandDefinition(
            plan.PageSql,
            plan.Parameters.Values,
            commandTimeout: timeoutSeconds,
            flags: GeneratedSql,
            cancellationToken: ct
        );
        await using var reader = await connection.ExecuteReaderAsync(command).ConfigureAwait(false);
        var main = reader.GetRowParser<T>(typeof(T), 0, plan.Columns.Count);
        var expansions = new List<(PropertyInfo Property, int Start, Func<DbDataReader, object> Parse)>();
        var start = plan.Columns.Count;
        foreach (var navigation in plan.Expansions)
        {
            expansions.Add(
                (
                    typeof(T).GetProperty(navigation.Name)!,
                    start,
                    reader.GetRowParser<object>(navigation.ClrType, start, navigation.Columns.Count)
                )
            );
            start += navigation.Columns.Count;
        }

        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            if (rows.Count == plan.Take)
            {
                return (rows, true);
            }

            var row = main(reader);
            foreach (var (property, first, parse) in expansions)
            {
                // The target's key comes first: null when a left join found no row (a root unit's parent).
                property.SetValue(row, reader.IsDBNull(first) ? null : parse(reader));
            }

            rows.Add(row);
        }

        return (rows, false);
    }

    /// <summary>
    /// Fills each expanded collection of the page's rows: one statement per chunk of parents, the rows
    /// arriving grouped by parent (a row that has none gets an empty list).
    /// </summary>
    internal static async Task ReadExpansionsAsync<T>(
        DbConnection connection,
        FeedQuery plan,
        IReadOnlyList<T> rows,
        int timeoutSeconds,
        CancellationToken ct
    )
        where T : class
    {
        foreach (var expansion in plan.CollectionExpansions)
        {
            var key = typeof(T).GetProperty(expansion.Collection.ParentProperty)!;
            var list = typeof(T).GetProperty(expansion.Collection.Name)!;
            var found = new Dictionary<string, System.Collections.IList>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                var items = (System.Collections.IList)Activator.CreateInstance(list.PropertyType)!;
                list.SetValue(row, items);
                found.TryAdd(Convert.ToString(key.GetValue(row), CultureInfo.InvariantCulture)!, items);
            }

            foreach (var chunk in found.Keys.Chunk(FeedExpansion.ChunkSize))
            {
                var command = new CommandDefinition(
                    expansion.Sql(chunk.Length),
                    expansion.ParametersFor(chunk),
                    commandTimeout: timeoutSeconds,
                    flags: GeneratedSql,
                    cancellationToken: ct
                );
                await using var reader = await connection.ExecuteReaderAsync(command).ConfigureAwait(false);
                var parse = reader.GetRowParser<object>(expansion.Target.ClrType, 0, expansion.Columns.Count);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    var parent = Convert.ToString(
                        reader.GetValue(expansion.Columns.Count),
                        CultureInfo.InvariantCulture
                    )!;
                    found[parent].Add(parse(reader));
                }
            }
        }
    }

    /// <returns>The groups, each row's values as their output types; null when there are more than <paramref
    /// name="maxGroups"/>.</returns>
    internal static Task<long> CountAsync(
        DbConnection connection,
        FeedAggregation aggregation,
        int timeoutSeconds,
        CancellationToken ct
    ) =>
        connection.ExecuteScalarAsync<long>(
            new CommandDefinition(
                aggregation.CountSql,
                aggregation.Parameters.Values,
                commandTimeout: timeoutSeconds,
                flags: GeneratedSql,
                cancellationToken: ct
            )
        );

    /// <summary>The groups of an aggregation, or null when there are more than it may hold (and no
    /// <c>$top</c> said how many).</summary>
    internal static async Task<List<object?[]>?> ReadAggregationAsync(
        DbConnection connection,
        FeedAggregation aggregation,
        int timeoutSeconds,
        CancellationToken ct
    )
    {
        var rows = new List<object?[]>();
        var command = new CommandDefinition(
            aggregation.Sql,
            aggregation.Parameters.Values,
            commandTimeout: timeoutSeconds,
            flags: GeneratedSql,
            cancellationToken: ct
        );
        await using var reader = await connection.ExecuteReaderAsync(command).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            if (rows.Count == aggregation.Take)
            {
                return aggregation.Bounded ? rows : null;
            }

            var row = new object?[aggregation.Columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = FeedAggregation.Convert(reader.GetValue(i), aggregation.Columns[i].Type);
            }

            rows.Add(row);
        }

        return rows;
    }
}
