using System.Globalization;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;
using Microsoft.OData.UriParser.Aggregation;

namespace Scorecard.Infrastructure.Feeds;

/// <summary>
/// <c>$apply</c> in SQL: any number of <c>filter(…)</c> steps, then one <c>groupby((…)[, aggregate(…)])</c>
/// or one <c>aggregate(…)</c> with sum, min, max, average, countdistinct and <c>$count</c>, then
/// <c>filter(…)</c> steps over its output. Groups are by the set's own properties and those of its
/// single-valued navigations (<c>Unit/Level</c>). The aggregation is a derived table that <c>$filter</c>,
/// <c>$orderby</c>, <c>$top</c>, <c>$skip</c> and <c>$count</c> then read by the output names; the same
/// column map and filter translation as the pages, every value a parameter.
/// </summary>
internal sealed class FeedAggregation
{
    private FeedAggregation(FeedDefinition feed) => Feed = feed;

    public FeedDefinition Feed { get; }

    /// <summary>The groups of the page: the derived table filtered, ordered and paged.</summary>
    public string Sql { get; private set; } = string.Empty;

    /// <summary>How many groups the filtered derived table holds.</summary>
    public string CountSql { get; private set; } = string.Empty;

    public FeedParameters Parameters { get; } = new();

    /// <summary>The output properties in order (a navigation's as <c>Unit/Level</c>), with the CLR type each value
    /// is written as.</summary>
    public List<(string Name, Type Type)> Columns { get; } = [];

    /// <summary>The groups an answer may hold: <c>$top</c>, or the group limit (beyond which the query is
    /// refused).</summary>
    public int Take { get; private set; }

    /// <summary>True when <see cref="Take"/> is the client's <c>$top</c>: the groups beyond it are not asked
    /// for, rather than too many.</summary>
    public bool Bounded { get; private set; }

    /// <summary>The output columns as the query after the aggregation reads them (from the derived table
    /// <c>g</c>), and whether each is a grouped property.</summary>
    private readonly List<(FeedColumn Column, bool Grouped)> outputs = [];

    public static FeedAggregation Build(
        FeedDefinition feed,
        SqlDialect dialect,
        ApplyClause apply,
        int? scopeUnitId,
        DateTimeOffset now,
        int maxGroups,
        FeedClauses? after = null
    )
    {
        var aggregation = new FeedAggregation(feed);
        var translator = new FilterTranslator(feed, dialect, aggregation.Parameters);
        var where = FeedQuery.BaseWhere(feed, aggregation.Parameters, scopeUnitId, now);
        var select = new List<string>();
        var groupBy = new List<string>();
        var afterwards = new List<QueryNode>();
        var shaped = false;
        foreach (var step in apply.Transformations)
        {
            switch (step)
            {
                case FilterTransformationNode filter when shaped:
                    afterwards.Add(filter.FilterClause.Expression);
                    break;
                case FilterTransformationNode filter:
                    FeedQuery.AddAheadOfScope(where, feed, translator.Predicate(filter.FilterClause.Expression));
                    break;
                case GroupByTransformationNode or AggregateTransformationNode when shaped:
                    throw new FeedQueryException(
                        "$apply takes filter steps, one groupby or aggregate, then filter steps over its output "
                            + "(groupby((UnitCode),aggregate($count as N))/filter(N gt 5))."
                    );
                case GroupByTransformationNode group:
                    foreach (var (name, access) in Leaves(group.GroupingProperties, string.Empty))
                    {
                        aggregation.Group(name, access, translator, select, groupBy);
                    }

                    if (group.ChildTransformations is AggregateTransformationNode nested)
                    {
                        aggregation.Aggregate(nested, translator, dialect, select);
                    }
                    else if (group.ChildTransformations is not null)
                    {
                        throw new FeedQueryException("groupby takes an aggregate(…) as its second argument.");
                    }

                    shaped = true;
                    break;
                case AggregateTransformationNode aggregate:
                    aggregation.Aggregate(aggregate, translator, dialect, select);
                    shaped = true;
                    break;
                default:
                    throw new FeedQueryException($"$apply supports filter, groupby and aggregate, not {step.Kind}.");
            }
        }

        if (select.Count == 0)
        {
            throw new FeedQueryException("$apply needs a groupby or an aggregate step.");
        }

        if (translator.DefaultPredicate is { } reading)
        {
            where.Add(reading);
        }

        var inner =
            $"SELECT {string.Join(", ", select)} FROM {feed.Table}{FeedQuery.JoinSql(feed, translator.Joins)}"
            + FeedQuery.WhereSql(where)
            + (groupBy.Count == 0 ? string.Empty : $" GROUP BY {string.Join(", ", groupBy)}");
        aggregation.Outer(dialect, inner, afterwards, after, maxGroups);
        return aggregation;
    }

    /// <summary>The statements over the aggregation: its output filtered (filter steps after it, then
    /// <c>$filter</c>), ordered by <c>$orderby</c> then every grouped property (so pages are stable), and
    /// paged.</summary>
    private void Outer(SqlDialect dialect, string inner, List<QueryNode> afterwards, FeedClauses? after, int maxGroups)
    {
        var output = FeedAggregationOutput.Definition(Feed, outputs.Select(o => o.Column));
        var translator = new FilterTranslator(output, dialect, Parameters);
        var where = afterwards.Select(translator.Predicate).ToList();
        if (after?.Filter is { } filter)
        {
            where.Add(translator.Predicate(filter.Expression));
        }

        var order = new List<string>();
        var ordered = new HashSet<string>(StringComparer.Ordinal);
        for (var clause = after?.OrderBy; clause is not null; clause = clause.ThenBy)
        {
            var column = translator.ColumnOf(clause.Expression)
                ?? throw new FeedQueryException(
                    "$orderby after $apply takes the output's properties: "
                        + string.Join(", ", Columns.Select(c => c.Name))
                        + "."
                );
            if (ordered.Add(column.Expression))
            {
                order.Add(
                    column.Expression + (clause.Direction == OrderByDirection.Descending ? " DESC" : string.Empty)
                );
            }
        }

        var grouped = outputs.Where(o => o.Grouped).ToList();
        foreach (var (column, _) in grouped.Count == 0 ? outputs : grouped)
        {
            if (ordered.Add(column.Expression))
            {
                order.Add(column.Expression);
            }
        }

        var filtered = $"FROM ({inner}) AS g{FeedQuery.WhereSql(where)}";
        Sql =
            $"SELECT {string.Join(", ", outputs.Select(o => o.Column.Expression))} {filtered} "
            + $"ORDER BY {string.Join(", ", order)} {dialect.Page}";
        CountSql = $"SELECT {dialect.CountAll} {filtered}";
        var top = after?.Top;
        Bounded = top is { } t && t <= maxGroups;
        Take = Bounded ? (int)top!.Value : maxGroups;

        // One row more than may be answered (SQL Server fetches no fewer than one), to tell too many groups apart.
        Parameters.AddNamed("__take", Take + 1);
        Parameters.AddNamed("__skip", after?.Skip ?? 0);
    }

    /// <summary>The leaves of groupby's properties with their paths: <c>UnitCode</c>, <c>Unit/Level</c>.</summary>
    private static IEnumerable<(string Name, SingleValuePropertyAccessNode Access)> Leaves(
        IEnumerable<GroupByPropertyNode> properties,
        string prefix
    )
    {
        foreach (var property in properties)
        {
            var name = prefix + property.Name;
            if (property.ChildTransformations.Any())
            {
                foreach (var leaf in Leaves(property.ChildTransformations, name + "/"))
                {
                    yield return leaf;
                }
            }
            else if (property.Expression is SingleValuePropertyAccessNode access)
            {
                yield return (name, access);
            }
            else
            {
                throw new FeedQueryException($"$apply groups by properties, not by '{name}'.");
            }
        }
    }

    private void Group(
        string name,
        SingleValuePropertyAccessNode access,
        FilterTranslator translator,
        List<string> select,
        List<string> groupBy
    )
    {
        var (column, type) = access.Source switch
        {
            ResourceRangeVariableReferenceNode => (
                Feed.Column(access.Property.Name),
                Feed.ClrType.GetProperty(access.Property.Name)?.PropertyType
            ),
            SingleNavigationNode { Source: ResourceRangeVariableReferenceNode } path
                when Feed.Navigation(path.NavigationProperty.Name) is { } navigation => (
                navigation.Column(access.Property.Name),
                navigation.ClrType.GetProperty(access.Property.Name)?.PropertyType
            ),
            _ => (null, null),
        };
        if (column is null || type is null)
        {
            throw new FeedQueryException(
                $"$apply groups by the set's own properties and those of "
                    + (
                        Feed.Navigations.Count == 0
                            ? "nothing else"
                            : string.Join(", ", Feed.Navigations.Select(n => n.Name))
                                + $" ({Feed.Navigations[0].Name}/…)"
                    )
                    + $", not by '{name}'."
            );
        }

        var expression = translator.Visit(access);
        groupBy.Add(expression);
        select.Add($"{expression} AS {Output(name)}");
        Columns.Add((name, type));
        outputs.Add(
            (
                new FeedColumn(
                    name,
                    "g." + SqlDialect.Quote(name),
                    column.Nullable || column.Join is not null,
                    column.Ansi
                ),
                true
            )
        );
    }

    private void Aggregate(
        AggregateTransformationNode node,
        FilterTranslator translator,
        SqlDialect dialect,
        List<string> select
    )
    {
        foreach (var expression in node.AggregateExpressions)
        {
            if (expression is not AggregateExpression aggregate)
            {
                throw new FeedQueryException("aggregate takes expressions of the entity set's own properties.");
            }

            if (aggregate.Method == AggregationMethod.VirtualPropertyCount)
            {
                select.Add($"{dialect.CountAll} AS {Output(aggregate.Alias)}");
                Columns.Add((aggregate.Alias, typeof(long)));
                outputs.Add((new FeedColumn(aggregate.Alias, "g." + SqlDialect.Quote(aggregate.Alias), false), false));
                continue;
            }

            if (!OnOwnProperties(aggregate.Expression))
            {
                throw new FeedQueryException(
                    $"'{aggregate.Alias}': aggregate takes the entity set's own properties, "
                        + $"not a navigation path."
                );
            }

            var value = aggregate.Expression.Accept(translator);
            var type = ClrTypeOf(aggregate.Expression);
            if (
                aggregate.Method is AggregationMethod.Sum or AggregationMethod.Average
                && type != typeof(long)
                && type != typeof(double)
                && type != typeof(int)
                && type != typeof(decimal)
            )
            {
                throw new FeedQueryException(
                    $"'{aggregate.Alias}': {aggregate.Method.ToString().ToLowerInvariant()} takes a number."
                );
            }
            (string Sql, Type Type) column = aggregate.Method switch
            {
                AggregationMethod.Sum => ($"SUM({value})", type == typeof(double) ? typeof(double) : typeof(long)),
                AggregationMethod.Min => ($"MIN({value})", type),
                AggregationMethod.Max => ($"MAX({value})", type),
                AggregationMethod.Average => ($"AVG(CAST({value} AS float))", typeof(double?)),
                AggregationMethod.CountDistinct => ($"COUNT(DISTINCT {value})", typeof(long)),
                _ => throw new FeedQueryException(
                    $"aggregate supports sum, min, max, average and countdistinct, not {aggregate.Method}."
                ),
            };
            if (column.Type == typeof(bool) || column.Type == typeof(bool?))
            {
                throw new FeedQueryException(
                    $"'{aggregate.Alias}': min and max are not defined for Boolean properties."
                );
            }

            select.Add($"{column.Sql} AS {Output(aggregate.Alias)}");
            outputs.Add(
                (
                    new FeedColumn(
                        aggregate.Alias,
                        "g." + SqlDialect.Quote(aggregate.Alias),
                        aggregate.Method != AggregationMethod.CountDistinct
                    ),
                    false
                )
            );
            Columns.Add(
                (
                    aggregate.Alias,
                    Nullable.GetUnderlyingType(column.Type) is null
                    && column.Type.IsValueType
                    && aggregate.Method != AggregationMethod.CountDistinct
                        ? typeof(Nullable<>).MakeGenericType(column.Type)
                        : column.Type
                )
            );
        }
    }

    /// <summary>An output name, quoted for SQL; each may be used once (a name twice would be two keys in one JSON
    /// object).</summary>
    private string Output(string name)
    {
        static string Top(string path) => path.Split('/')[0];
        if (
            Columns.Exists(c =>
                string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)
                || (c.Name.Contains('/', StringComparison.Ordinal) != name.Contains('/', StringComparison.Ordinal))
                    && string.Equals(Top(c.Name), Top(name), StringComparison.OrdinalIgnoreCase)
            )
        )
        {
            throw new FeedQueryException($"$apply names '{name}' twice; give each output its own name.");
        }

        return SqlDialect.Quote(name);
    }

    /// <summary>True when the expression reads only the entity set's own properties (no navigation).</summary>
    private static bool OnOwnProperties(QueryNode node) =>
        node switch
        {
            SingleValuePropertyAccessNode access => access.Source is ResourceRangeVariableReferenceNode,
            ConvertNode convert => OnOwnProperties(convert.Source),
            BinaryOperatorNode binary => OnOwnProperties(binary.Left) && OnOwnProperties(binary.Right),
            UnaryOperatorNode unary => OnOwnProperties(unary.Operand),
            SingleValueFunctionCallNode call => call.Parameters.All(OnOwnProperties),
            ConstantNode => true,
            _ => false,
        };

    /// <summary>The type an aggregated value is written as: an own property's CLR type, else the CLR type of the
    /// expression's EDM type (a computed date stays a date, a computed count an integer).</summary>
    private Type ClrTypeOf(SingleValueNode node) =>
        node switch
        {
            SingleValuePropertyAccessNode { Source: ResourceRangeVariableReferenceNode } p => Feed
                .ClrType.GetProperty(p.Property.Name)!
                .PropertyType
                is var t
                ? Nullable.GetUnderlyingType(t) ?? t
                : typeof(object),
            ConvertNode c => ClrTypeOf(c.Source),
            _ => node.TypeReference?.PrimitiveKind() switch
            {
                EdmPrimitiveTypeKind.Byte
                or EdmPrimitiveTypeKind.SByte
                or EdmPrimitiveTypeKind.Int16
                or EdmPrimitiveTypeKind.Int32
                or EdmPrimitiveTypeKind.Int64 => typeof(long),
                EdmPrimitiveTypeKind.Single or EdmPrimitiveTypeKind.Double or EdmPrimitiveTypeKind.Decimal =>
                    typeof(double),
                EdmPrimitiveTypeKind.String => typeof(string),
                EdmPrimitiveTypeKind.Boolean => typeof(bool),
                EdmPrimitiveTypeKind.Date => typeof(DateOnly),
                EdmPrimitiveTypeKind.DateTimeOffset => typeof(DateTimeOffset),
                _ => throw new FeedQueryException("aggregate takes numbers, text, dates and instants."),
            },
        };

    /// <summary>A value read from the aggregation as the type it is written as.</summary>
    public static object? Convert(object value, Type type)
    {
        if (value is DBNull)
        {
            return null;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (
            value is double d && !double.IsFinite(d)
            || (target == typeof(long) || target == typeof(int))
                && value is double big
                && (big >= 9.2233720368547758E18 || big < -9.2233720368547758E18)
        )
        {
            throw new FeedQueryException(
                "A computed value is out of range (too large for its type); narrow the aggregation."
            );
        }

        return target switch
        {
            _ when target == typeof(string) => System.Convert.ToString(value, CultureInfo.InvariantCulture),
            _ when target == typeof(bool) => System.Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
            _ when target == typeof(int) || target == typeof(long) => System.Convert.ToInt64(
                value,
                CultureInfo.InvariantCulture
            ),
            _ when target == typeof(double) => System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
            _ when target == typeof(DateTimeOffset) => value is string text
                ? Infrastructure.Database.DapperTypeHandlers.ParseInstant(text)
                : ((DateTimeOffset)value).ToUniversalTime(),
            _ when target == typeof(DateOnly) => value is string date
                ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : DateOnly.FromDateTime((DateTime)value),
            _ => value,
        };
    }
}
