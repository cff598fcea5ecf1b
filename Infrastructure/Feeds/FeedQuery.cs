using System.Globalization;
using System.Text;
using Dapper;
using Microsoft.OData.UriParser;

namespace Scorecard.Infrastructure.Feeds;

/// <summary>
/// One feed request turned into SQL: the page (filter, scope, keyset continuation, order, paging)
/// and, when asked, the count. Built and checked before anything runs or is written.
/// </summary>
internal sealed class FeedQuery
{
    private FeedQuery(FeedDefinition feed, SqlDialect dialect)
    {
        Feed = feed;
        Dialect = dialect;
    }

    public FeedDefinition Feed { get; }

    public SqlDialect Dialect { get; }

    /// <summary>Main-entity columns in the order they are selected.</summary>
    public List<FeedColumn> Columns { get; } = [];

    /// <summary>Expanded navigations, each selected right after the main columns (in this order).</summary>
    public List<FeedNavigation> Expansions { get; } = [];

    /// <summary>Expanded collections (<c>$expand=Children</c>), each read by its own statement after the
    /// page.</summary>
    public List<FeedExpansion> CollectionExpansions { get; } = [];

    /// <summary>Sort columns with their direction; the key columns always come last.</summary>
    public List<(FeedColumn Column, bool Descending)> Order { get; } = [];

    /// <summary>Sort columns of a navigation's target (<c>$orderby=Unit/Name</c>), each with its navigation.</summary>
    public Dictionary<FeedColumn, FeedNavigation> OrderNavigations { get; } = [];

    /// <summary>The value of a row's <paramref name="index"/>th sort column.</summary>
    public object? OrderValue(object row, int index)
    {
        ArgumentNullException.ThrowIfNull(row);
        var column = Order[index].Column;
        if (OrderNavigations.TryGetValue(column, out var navigation))
        {
            return row.GetType().GetProperty(navigation.Name)!.GetValue(row) is { } target
                ? navigation.ClrType.GetProperty(column.Property)!.GetValue(target)
                : null;
        }

        return row.GetType().GetProperty(column.Property)!.GetValue(row);
    }

    public string PageSql { get; private set; } = string.Empty;

    public string CountSql { get; private set; } = string.Empty;

    public FeedParameters Parameters { get; } = new();

    /// <summary>Rows this page may hold (the page size, or what is left of $top).</summary>
    public int Take { get; private set; }

    /// <summary>What is left of $top after this page, or null when the client set no $top.</summary>
    public long? TopAfterPage { get; private set; }

    public long Offset { get; private set; }

    /// <summary>Rows an expanded collection holds per row unless configured otherwise.</summary>
    public const int DefaultMaxExpandedRows = 100;

    /// <summary>The furthest a page can start (what <c>$skip</c> allows); a token beyond it was not issued
    /// here.</summary>
    private const long MaxOffset = 1_000_000_000;

    public static FeedQuery Build(
        FeedDefinition feed,
        SqlDialect dialect,
        FeedClauses options,
        int? scopeUnitId,
        DateTimeOffset now,
        int pageSize,
        int maxExpandedRows = DefaultMaxExpandedRows
    )
    {
        var query = new FeedQuery(feed, dialect);
        var translator = new FilterTranslator(feed, dialect, query.Parameters);
        var where = BaseWhere(feed, query.Parameters, scopeUnitId, now);
        if (options.Filter is { } filter)
        {
            AddAheadOfScope(where, feed, translator.Predicate(filter.Expression));
        }

        var joins = new HashSet<string>(translator.Joins, StringComparer.Ordinal);
        if (options.Lookup is { } lookup)
        {
            where.Add(query.LookupPredicate(lookup, scopeUnitId));
            if (lookup.Collection?.PartitionJoin is { } partitionJoin)
            {
                joins.Add(partitionJoin);
            }
        }
        else if (translator.DefaultPredicate is { } reading)
        {
            where.Add(reading);
        }

        query.ReadOrder(options.OrderBy);
        query.ReadSelectExpand(options.SelectExpand);
        foreach (var item in options.SelectExpand?.SelectedItems.OfType<ExpandedNavigationSelectItem>() ?? [])
        {
            if (
                item.PathToNavigationProperty.LastSegment is NavigationPropertySegment segment
                && feed.Collection(segment.NavigationProperty.Name) is { } collection
            )
            {
                query.CollectionExpansions.Add(
                    FeedExpansion.Build(
                        collection,
                        feed.Column(collection.ParentProperty)!.Ansi,
                        item,
                        dialect,
                        scopeUnitId,
                        now,
                        maxExpandedRows
                    )
                );
            }
        }

        query.CountSql = $"SELECT {dialect.CountAll} FROM {feed.Table}{JoinSql(feed, joins)}{WhereSql(where)}";

        var skipToken = options.SkipToken is { Length: > 0 } raw ? SkipToken.Parse(raw) : null;
        query.Offset = skipToken?.Offset ?? options.Skip ?? 0;
        if (query.Offset > MaxOffset)
        {
            throw new FeedQueryException("The $skiptoken is not one this service issued.");
        }
        if (skipToken?.Values is { } values)
        {
            where.Add(query.KeysetPredicate(values));
            query.Offset = 0;
        }

        var top = options.Top;
        query.Take = (int)Math.Min(pageSize, top ?? long.MaxValue);
        query.TopAfterPage = top is { } t ? t - query.Take : null;

        foreach (
            var column in query
                .Columns.Concat(query.Order.Select(o => o.Column))
                .Concat(query.Expansions.SelectMany(e => e.Columns))
        )
        {
            if (column.Join is { } join)
            {
                joins.Add(join);
            }
        }

        var select = string.Join(
            ", ",
            query
                .Columns.Select(c => $"{c.Expression} AS {c.Property}")
                .Concat(query.Expansions.SelectMany(e => e.Columns.Select(c => $"{c.Expression} AS {c.Property}")))
        );
        var order = string.Join(
            ", ",
            query.Order.Select(o => o.Column.Expression + (o.Descending ? " DESC" : string.Empty))
        );
        query.PageSql =
            $"SELECT {select} FROM {feed.Table}{JoinSql(feed, joins)}{WhereSql(where)} ORDER BY {order} "
            + $"{dialect.Page}";
        query.Parameters.AddNamed("__take", query.Take + 1);
        query.Parameters.AddNamed("__skip", query.Offset);
        return query;
    }

    /// <summary>
    /// The conditions every statement on a feed starts with: a scoped key's subtree (<c>@__scope</c>);
    /// and <c>@__now</c>, which the dossiers' timeliness and now() read.
    /// </summary>
    internal static List<string> BaseWhere(
        FeedDefinition feed,
        FeedParameters parameters,
        int? scopeUnitId,
        DateTimeOffset now
    )
    {
        var where = new List<string>();
        if (scopeUnitId is { } scope)
        {
            where.Add(feed.ScopePredicate);
            parameters.AddNamed("__scope", scope);
        }

        parameters.AddNamed("__now", now);
        return where;
    }

    /// <summary>
    /// Adds a filter's predicate ahead of the scope's. Both may hold the foreign key in a list (a navigation's
    /// semi-join, the scope's subtree), and SQLite drives the key's index with the first such list it meets: the
    /// filter's is the narrow one as a rule (one unit, one parent's units). A province's dossiers of a year counted for
    /// one unit took 351 ms with the scope's list first and 1.1 ms with the filter's (13,000,000 dossiers).
    /// </summary>
    internal static void AddAheadOfScope(List<string> where, FeedDefinition feed, string predicate)
    {
        var scope = where.IndexOf(feed.ScopePredicate);
        where.Insert(scope < 0 ? where.Count : scope, predicate);
    }

    internal static string JoinSql(FeedDefinition feed, IReadOnlySet<string> joins) =>
        string.Concat(feed.Joins.Where(j => joins.Contains(j.Key)).Select(j => " " + j.Value));

    internal static string WhereSql(List<string> where) =>
        where.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", where);

    private void ReadOrder(OrderByClause? clause)
    {
        for (var c = clause; c is not null; c = c.ThenBy)
        {
            var (column, navigation) = c.Expression switch
            {
                SingleValuePropertyAccessNode { Source: ResourceRangeVariableReferenceNode } property => (
                    Feed.Column(property.Property.Name),
                    null
                ),
                SingleValuePropertyAccessNode
                {
                    Source: SingleNavigationNode { Source: ResourceRangeVariableReferenceNode } path,
                } property when Feed.Navigation(path.NavigationProperty.Name) is { } target => (
                    target.Column(property.Property.Name),
                    target
                ),
                _ => (null, null),
            };
            if (column is null)
            {
                throw new FeedQueryException(
                    "$orderby takes properties of the entity set and of its Unit and Procedure (Unit/Name)."
                );
            }

            if (!Order.Exists(o => o.Column == column))
            {
                Order.Add((column, c.Direction == OrderByDirection.Descending));
                if (navigation is not null)
                {
                    // Read along, unwritten unless expanded, so the next link can carry the row's sort value.
                    OrderNavigations[column] = navigation;
                    if (!Expansions.Contains(navigation))
                    {
                        Expansions.Add(navigation);
                    }
                }
            }
        }

        foreach (var key in Feed.Key)
        {
            var column = Feed.Column(key)!;
            if (!Order.Exists(o => o.Column == column))
            {
                Order.Add((column, false));
            }
        }
    }

    private void ReadSelectExpand(SelectExpandClause? clause)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        var all = clause is null || clause.AllSelected;
        foreach (var item in clause?.SelectedItems ?? [])
        {
            switch (item)
            {
                case PathSelectItem { SelectedPath.LastSegment: PropertySegment property }:
                    wanted.Add(property.Property.Name);
                    break;
                case PathSelectItem { SelectedPath.LastSegment: NavigationPropertySegment navigation }
                    when Feed.Navigation(navigation.NavigationProperty.Name) is not null
                        || Feed.Collection(navigation.NavigationProperty.Name) is not null:
                    // Named next to its $expand (as generated clients write it): the expansion says what is read.
                    break;
                case WildcardSelectItem:
                    all = true;
                    break;
                case ExpandedNavigationSelectItem
                {
                    PathToNavigationProperty: { Count: 1, LastSegment: NavigationPropertySegment segment },
                } when Feed.Collection(segment.NavigationProperty.Name) is not null:
                    // Read by its own statement (FeedExpansion), after the page.
                    break;
                case ExpandedNavigationSelectItem expand:
                    var expansion = Expansion(expand);
                    if (!Expansions.Contains(expansion))
                    {
                        Expansions.Add(expansion);
                    }

                    break;
                default:
                    throw new FeedQueryException(
                        "$select and $expand take properties and navigation properties of the entity set."
                    );
            }
        }

        wanted.UnionWith(Feed.Key);
        wanted.UnionWith(Order.Where(o => !OrderNavigations.ContainsKey(o.Column)).Select(o => o.Column.Property));
        Columns.AddRange(Feed.Columns.Where(c => all || wanted.Contains(c.Property)));
    }

    /// <summary>The columns a nested <c>$select</c> names, with the key (all of them without one).</summary>
    internal static IEnumerable<FeedColumn> SelectedColumns(FeedDefinition feed, SelectExpandClause? clause)
    {
        if (clause is null || clause.AllSelected || clause.SelectedItems.OfType<WildcardSelectItem>().Any())
        {
            return feed.Columns;
        }

        var wanted = clause
            .SelectedItems.OfType<PathSelectItem>()
            .Select(p => p.SelectedPath.LastSegment)
            .OfType<PropertySegment>()
            .Select(p => p.Property.Name)
            .Concat(feed.Key)
            .ToHashSet(StringComparer.Ordinal);
        return feed.Columns.Where(c => wanted.Contains(c.Property));
    }

    private FeedNavigation Expansion(ExpandedNavigationSelectItem expand)
    {
        var name = expand.PathToNavigationProperty.LastSegment is NavigationPropertySegment segment
            ? segment.NavigationProperty.Name
            : null;
        if (name is null || Feed.Navigation(name) is not { } navigation || expand.PathToNavigationProperty.Count != 1)
        {
            throw new FeedQueryException(
                "$expand takes "
                    + (
                        Feed.Navigations.Count + Feed.Collections.Count == 0
                            ? "nothing on this entity set"
                            : string.Join(
                                ", ",
                                Feed.Navigations.Select(n => n.Name).Concat(Feed.Collections.Select(c => c.Name))
                            )
                    )
                    + "."
            );
        }

        if (
            expand.FilterOption is not null
            || expand.OrderByOption is not null
            || expand.TopOption is not null
            || expand.SkipOption is not null
            || expand.CountOption is not null
            || expand.SearchOption is not null
            || expand.LevelsOption is not null
            || expand.SelectAndExpand?.SelectedItems.OfType<ExpandedNavigationSelectItem>().Any() == true
        )
        {
            throw new FeedQueryException($"$expand={name} takes only a nested $select.");
        }

        return navigation;
    }

    /// <summary>The row with the lookup's key, or the row the parent row with that key points to (the parent
    /// read within the same scope as any of its rows).</summary>
    private string LookupPredicate(FeedLookup lookup, int? scopeUnitId)
    {
        var owner = lookup.Parent ?? Feed;
        if (lookup.Key.Count != owner.Key.Count || !lookup.Key.All(k => owner.Key.Contains(k.Key)))
        {
            throw new FeedQueryException($"{owner.EntitySet} is keyed by {string.Join(", ", owner.Key)}.");
        }

        var terms = new List<string>();
        foreach (var (property, value) in lookup.Key)
        {
            var column = owner.Column(property)!;
            var parameter = value is string text && column.Ansi ? Parameters.AddAnsi(text) : Parameters.Add(value);
            terms.Add($"{column.Expression} = {parameter}");
        }

        if (lookup.Parent is null)
        {
            return "(" + string.Join(" AND ", terms) + ")";
        }

        if (scopeUnitId is not null)
        {
            terms.Add(lookup.Parent.ScopePredicate);
        }

        if (lookup.Collection is { } collection)
        {
            var parentKey = lookup.Parent.Column(collection.ParentProperty)!.Expression;
            return $"{collection.Partition} IN (SELECT {parentKey} FROM {lookup.Parent.Table} "
                + $"WHERE {string.Join(" AND ", terms)})";
        }

        var navigation = lookup.Navigation ?? throw new FeedQueryException("A navigation is needed here.");
        return $"{navigation.TargetKey} IN (SELECT {navigation.ForeignKey} FROM {lookup.Parent.Table} "
            + $"WHERE {string.Join(" AND ", terms)})";
    }

    /// <summary>
    /// Rows strictly after the last row sent, in the sort order: (a > x) OR (a = x AND b > y) … NULL sorts
    /// before every value ascending and after every value descending, as SQLite and SQL Server both order it,
    /// so after a null x ascending come the non-null a, and after a value x descending come the smaller a and
    /// the null ones; "a = x" is "a IS NULL" for a null x.
    /// </summary>
    private string KeysetPredicate(IReadOnlyList<string?> values)
    {
        if (values.Count != Order.Count || values.Where((v, i) => v is null && !Order[i].Column.Nullable).Any())
        {
            throw new FeedQueryException("The $skiptoken does not belong to this query's $orderby.");
        }

        var equal = new List<string>(Order.Count);
        var after = new List<string>(Order.Count);
        for (var i = 0; i < Order.Count; i++)
        {
            var (column, descending) = Order[i];
            if (values[i] is not { } text)
            {
                equal.Add($"{column.Expression} IS NULL");
                after.Add(descending ? "1 = 0" : $"{column.Expression} IS NOT NULL");
                continue;
            }

            var name = "__k" + i.ToString(CultureInfo.InvariantCulture);
            var type = (OrderNavigations.TryGetValue(column, out var navigation) ? navigation.ClrType : Feed.ClrType)
                .GetProperty(column.Property)!
                .PropertyType;
            var value = SkipToken.ValueAs(text, type);
            Parameters.AddNamed(
                name,
                value is string s && column.Ansi
                    ? new DbString
                    {
                        Value = s,
                        IsAnsi = true,
                        Length = Math.Max(s.Length, 64),
                    }
                    : value
            );
            equal.Add($"{column.Expression} = @{name}");
            after.Add(
                descending
                    ? $"({column.Expression} < @{name}" + (column.Nullable ? $" OR {column.Expression} IS NULL)" : ")")
                    : $"{column.Expression} > @{name}"
            );
        }

        // Ascending on every key and no null in the token: the same rows as one row-value comparison, which SQLite
        // answers by seeking the sort's index (the alternatives below make it walk the index from its start, every
        // page further). A null column of a row compares unknown and is left out: ascending, it sorts before.
        if (Dialect.RowValues && Order.Count > 1 && Order.All(o => !o.Descending) && values.All(v => v is not null))
        {
            var names = Enumerable.Range(0, Order.Count).Select(i => "@__k" + i.ToString(CultureInfo.InvariantCulture));
            return $"(({string.Join(", ", Order.Select(o => o.Column.Expression))}) > ({string.Join(", ", names)}))";
        }

        var alternatives = new List<string>(Order.Count);
        for (var i = 0; i < Order.Count; i++)
        {
            var terms = new StringBuilder();
            for (var j = 0; j < i; j++)
            {
                terms.Append(equal[j]).Append(" AND ");
            }

            terms.Append(after[i]);
            alternatives.Add("(" + terms + ")");
        }

        return "(" + string.Join(" OR ", alternatives) + ")";
    }
}
