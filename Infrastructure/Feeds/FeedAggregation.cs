using System.Globalization;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;
using Microsoft.OData.UriParser.Aggregation;

namespace Scorecard.Infrastructure.Feeds;

/// <summary>
/// <c>$apply</c> in SQL: any number of <c>filter(…)</c> steps, then one <c>groupby((…)[, aggregate(…)])</c>
/// or one <c>aggregate(…)</c> with sum, min, max, average, countdistinct and <c>$count</c>. The same
/// column map and filter translation as the pages; grouping by a navigation path or steps after the
/// aggregation are refused with a 400.
/// </summary>
internal sealed class FeedAggregation
{
    private FeedAggregation(FeedDefinition feed) => Feed = feed;

    public FeedDefinition Feed { get; }

    public string Sql { get; private set; } = string.Empty;

    public FeedParameters Parameters { get; } = new();

    /// <summary>The output properties in order, with the CLR type each value is written as.</summary>
    public List<(string Name, Type Type)> Columns { get; } = [];

    public static FeedAggregation Build(
        FeedDefinition feed,
        SqlDialect dialect,
        ApplyClause apply,
        int? scopeUnitId,
        DateTimeOffset now,
        int maxGroups
    )
    {
        var aggregation = new FeedAggregation(feed);
        var translator = new FilterTranslator(feed, dialect, aggregation.Parameters);
        var where = FeedQuery.BaseWhere(feed, aggregation.Parameters, scopeUnitId, now);
        var select = new List<string>();
        var groupBy = new List<string>();
        var shaped = false;
        foreach (var step in apply.Transformations)
        {
            if (shaped)
            {
                throw new FeedQueryException(
                    "$apply takes filter steps and then one groupby or aggregate; nothing after it."
                );
            }

            switch (step)
            {
                case FilterTransformationNode filter:
                    where.Add(translator.Predicate(filter.FilterClause.Expression));
                    break;
                case GroupByTransformationNode group:
                    foreach (var property in group.GroupingProperties)
                    {
                        if (
                            property.ChildTransformations.Any()
                            || property.Expression is not SingleValuePropertyAccessNode access
                        )
                        {
                            throw new FeedQueryException(
                                $"$apply groups by properties of the entity set itself, not "
                                    + $"by '{property.Name}/…'."
                            );
                        }

                        var expression = translator.Visit(access);
                        groupBy.Add(expression);
                        select.Add($"{expression} AS {aggregation.Output(property.Name)}");
                        aggregation.Columns.Add((property.Name, feed.ClrType.GetProperty(property.Name)!.PropertyType));
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

        var grouping =
            groupBy.Count == 0
                ? string.Empty
                : $" GROUP BY {string.Join(", ", groupBy)} ORDER BY " + $"{string.Join(", ", groupBy)} {dialect.Page}";
        aggregation.Sql =
            $"SELECT {string.Join(", ", select)} FROM "
            + $"{feed.Table}{FeedQuery.JoinSql(feed, translator.Joins)}{FeedQuery.WhereSql(where)}{grouping}";
        if (groupBy.Count > 0)
        {
            aggregation.Parameters.AddNamed("__take", maxGroups + 1);
            aggregation.Parameters.AddNamed("__skip", 0);
        }

        return aggregation;
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
        if (Columns.Exists(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
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
