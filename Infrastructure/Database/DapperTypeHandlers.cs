using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Scorecard.Infrastructure.Database;

/// <summary>
/// SQLite has no date types: instants are stored as UTC text in one fixed, sortable format and
/// dates as 'yyyy-MM-dd', so range predicates use indexes. SQL Server gets native values.
/// </summary>
public static class DapperTypeHandlers
{
    public const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    public const string DateFormat = "yyyy-MM-dd";

    private static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }

        // Dapper's built-in map would hand DateTimeOffset/DateOnly to the provider untouched.
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.RemoveTypeMap(typeof(DateOnly));
        SqlMapper.RemoveTypeMap(typeof(DateOnly?));
        SqlMapper.AddTypeHandler(new InstantHandler());
        SqlMapper.AddTypeHandler(new DateHandler());
    }

    /// <summary>The stored text form of an instant: UTC, 7 fractional digits, 'Z'.</summary>
    public static string FormatInstant(DateTimeOffset value) =>
        value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    /// <summary>The stored text form of a day: <see cref="DateFormat"/>.</summary>
    public static string FormatDate(DateOnly day) => day.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>A day as either provider returns it: SQLite's text, SQL Server's date.</summary>
    public static DateOnly ParseDate(object value) => new DateHandler().Parse(value);

    public static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.ParseExact(
            text,
            InstantFormat,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal
        );

    private sealed class InstantHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = FormatInstant(value);
            }
            else
            {
                parameter.DbType = DbType.DateTimeOffset;
                parameter.Value = value.ToUniversalTime();
            }
        }

        public override DateTimeOffset Parse(object value) =>
            value switch
            {
                string text => ParseInstant(text),
                DateTimeOffset instant => instant.ToUniversalTime(),
                DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
                _ => throw new DataException($"Cannot read an instant from {value.GetType().Name}."),
            };
    }

    private sealed class DateHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = FormatDate(value);
            }
            else
            {
                parameter.DbType = DbType.Date;
                parameter.Value = value.ToDateTime(TimeOnly.MinValue);
            }
        }

        public override DateOnly Parse(object value) =>
            value switch
            {
                string text => DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture),
                DateTime time => DateOnly.FromDateTime(time),
                DateOnly date => date,
                _ => throw new DataException($"Cannot read a date from {value.GetType().Name}."),
            };
    }
}
