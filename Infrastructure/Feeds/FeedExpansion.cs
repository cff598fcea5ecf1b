using System.Globalization;
using Dapper;
using Microsoft.OData.UriParser;

namespace Scorecard.Infrastructure.Feeds;

/// <summary>
/// An expanded collection (<c>$expand=Children($filter=…;$orderby=…;$top=5;$select=…)</c>) read for a whole page
/// of parent rows at once: one statement per <see cref="ChunkSize"/> parents numbers each parent's rows in the
/// nested order (<c>ROW_NUMBER() OVER (PARTITION BY …)</c>) and keeps the window <c>$skip</c>/<c>$top</c> ask for,
/// at most <see cref="FeedQuery.Build"/>'s limit of rows per parent. Built and checked with the page's query.
/// </summary>
internal sealed class FeedExpansion
{
    /// <summary>Parents per statement: with the nested filter's literals, well under SQL Server's 2,100
    /// parameters.</summary>
    public const int ChunkSize = 500;

    private string from = string.Empty;
    private string where = string.Empty;
    private string order = string.Empty;
    private bool ansiParent;

    private FeedExpansion(FeedCollection collection, FeedDefinition target)
    {
        Collection = collection;
        Target = target;
    }

    public FeedCollection Collection { get; }

    public FeedDefinition Target { get; }

    /// <summary>The target's columns read per row (the nested $select, with the key).</summary>
    public List<FeedColumn> Columns { get; } = [];

    public FeedParameters Parameters { get; } = new();

    public static FeedExpansion Build(
        FeedCollection collection,
        bool ansiParent,
        ExpandedNavigationSelectItem item,
        SqlDialect dialect,
        int? scopeUnitId,
        DateTimeOffset now,
        int maxRows
    )
    {
        var target = collection.Target();
        var expansion = new FeedExpansion(collection, target) { ansiParent = ansiParent };
        if (
            item.CountOption is not null
            || item.SearchOption is not null
            || item.LevelsOption is not null
            || item.ComputeOption is not null
            || item.ApplyOption is not null
            || item.SelectAndExpand?.SelectedItems.OfType<ExpandedNavigationSelectItem>().Any() == true
        )
        {
            throw new FeedQueryException(
                $"$expand={collection.Name} takes $select, $filter, $orderby, $top and $skip inside (one level)."
            );
        }

        if (item.TopOption > maxRows)
        {
            throw new FeedQueryException(
                $"An expanded collection holds at most {maxRows} rows per row ($top={item.TopOption} inside "
                    + $"$expand={collection.Name}); read more through the navigation URL, e.g. "
                    + $"Units('…')/{collection.Name}, which pages."
            );
        }

        var wherePredicates = FeedQuery.BaseWhere(target, expansion.Parameters, scopeUnitId, now);
        var translator = new FilterTranslator(target, dialect, expansion.Parameters);
        if (item.FilterOption is { } filter)
        {
            FeedQuery.AddAheadOfScope(wherePredicates, target, translator.Predicate(filter.Expression));
        }

        var joins = new HashSet<string>(translator.Joins, StringComparer.Ordinal);
        if (collection.PartitionJoin is { } partitionJoin)
        {
            joins.Add(partitionJoin);
        }

        var ordering = new List<string>();
        var named = new HashSet<string>(StringComparer.Ordinal);
        for (var c = item.OrderByOption; c is not null; c = c.ThenBy)
        {
            var column = (
                c.Expression is SingleValuePropertyAccessNode { Source: ResourceRangeVariableReferenceNode } p
                    ? target.Column(p.Property.Name)
                    : null
            ) ?? throw new FeedQueryException($"$orderby inside $expand={collection.Name} takes its own properties.");
            if (named.Add(column.Property))
            {
                ordering.Add(column.Expression + (c.Direction == OrderByDirection.Descending ? " DESC" : string.Empty));
                AddJoin(joins, column);
            }
        }

        ordering.AddRange(target.Key.Where(named.Add).Select(k => target.Column(k)!.Expression));
        expansion.Columns.AddRange(FeedQuery.SelectedColumns(target, item.SelectAndExpand));
        foreach (var column in expansion.Columns)
        {
            AddJoin(joins, column);
        }

        expansion.from = target.Table + FeedQuery.JoinSql(target, joins);
        expansion.where = string.Concat(wherePredicates.Select(w => " AND " + w));
        expansion.order = string.Join(", ", ordering);
        var skip = item.SkipOption ?? 0;
        expansion.Parameters.AddNamed("__first", skip);
        expansion.Parameters.AddNamed("__last", skip + (item.TopOption ?? maxRows));
        return expansion;
    }

    /// <summary>The statement for <paramref name="parents"/> parents (parameters <c>@__parent0</c>, …), ordered by
    /// parent and then the nested order.</summary>
    public string Sql(int parents)
    {
        var list = string.Join(
            ", ",
            Enumerable.Range(0, parents).Select(i => "@__parent" + i.ToString(CultureInfo.InvariantCulture))
        );
        var inner = string.Join(", ", Columns.Select(c => $"{c.Expression} AS {c.Property}"));
        var outer = string.Join(", ", Columns.Select(c => "x." + c.Property));
        return $"SELECT {outer}, x.__parent FROM (SELECT {inner}, {Collection.Partition} AS __parent, "
            + $"ROW_NUMBER() OVER (PARTITION BY {Collection.Partition} ORDER BY {order}) AS __row FROM {from} "
            + $"WHERE {Collection.Partition} IN ({list}){where}) x "
            + "WHERE x.__row > @__first AND x.__row <= @__last ORDER BY x.__parent, x.__row";
    }

    /// <summary>The parameters of one chunk: the nested filter's, then each parent's value.</summary>
    public DynamicParameters ParametersFor(IReadOnlyList<string> parents)
    {
        var values = new DynamicParameters();
        values.AddDynamicParams(Parameters.Values);
        for (var i = 0; i < parents.Count; i++)
        {
            var name = "__parent" + i.ToString(CultureInfo.InvariantCulture);
            values.Add(
                name,
                ansiParent
                    ? new DbString
                    {
                        Value = parents[i],
                        IsAnsi = true,
                        Length = Math.Max(parents[i].Length, 64),
                    }
                    : parents[i]
            );
        }

        return values;
    }

    private static void AddJoin(HashSet<string> joins, FeedColumn column)
    {
        if (column.Join is { } join)
        {
            joins.Add(join);
        }
    }
}
