using System.Data.Common;
using System.Globalization;
using Dapper;
using Scorecard.Domain.Calendar;
using Scorecard.Infrastructure.Audit;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Reference;

namespace Scorecard.Infrastructure.Calendar;

/// <summary>The province's office hours, dated; none stored means <see cref="OfficeHours.Default"/>.</summary>
public sealed class OfficeHoursStore(DbConnectionFactory db, ReferenceDataChanges changes)
{
    private const string SelectSql =
        "SELECT valid_from AS ValidFrom, periods AS Periods, same_day_cutoff AS Cutoff "
        + "FROM office_hours ORDER BY valid_from";
    private const string DeleteAllSql = "DELETE FROM office_hours";
    private const string InsertSql =
        "INSERT INTO office_hours (valid_from, periods, same_day_cutoff) VALUES (@ValidFrom, @Periods, @Cutoff)";

    public async Task<IReadOnlyList<OfficeHours>> ListAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        return await LoadAsync(connection, null, ct).ConfigureAwait(false);
    }

    /// <summary>Replaces every entry (an empty list returns to the default).</summary>
    public async Task ReplaceAsync(IReadOnlyList<OfficeHours> entries, AuditStamp stamp, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var before = await LoadAsync(connection, transaction, ct).ConfigureAwait(false);
        await connection
            .ExecuteAsync(new CommandDefinition(DeleteAllSql, transaction: transaction, cancellationToken: ct))
            .ConfigureAwait(false);
        var rows = entries.Select(e => new
        {
            e.ValidFrom,
            Periods = string.Join(",", e.Periods.Select(p => $"{Format(p.Start)}-{Format(p.End)}")),
            Cutoff = Format(e.SameDayCutoff),
        });
        await connection
            .ExecuteAsync(new CommandDefinition(InsertSql, rows, transaction, cancellationToken: ct))
            .ConfigureAwait(false);
        await AuditTrail
            .RecordAsync(
                connection,
                transaction,
                stamp,
                new AuditChange(AuditEntities.OfficeHours, "province", null, Audited(before), Audited(entries)),
                ct
            )
            .ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        changes.Record();
    }

    private static async Task<IReadOnlyList<OfficeHours>> LoadAsync(
        DbConnection connection,
        DbTransaction? transaction,
        CancellationToken ct
    )
    {
        var rows = await connection
            .QueryAsync<(DateOnly ValidFrom, string Periods, string Cutoff)>(
                new CommandDefinition(SelectSql, transaction: transaction, cancellationToken: ct)
            )
            .ConfigureAwait(false);
        return
        [
            .. rows.Select(r => new OfficeHours(
                r.ValidFrom,
                [.. r.Periods.Split(',').Select(ParsePeriod)],
                ParseTime(r.Cutoff)
            )),
        ];
    }

    /// <summary>The entries as the API writes them; none stored (the default hours) is no state.</summary>
    private static object? Audited(IReadOnlyList<OfficeHours> entries) =>
        entries.Count == 0
            ? null
            : entries.Select(e => new
            {
                e.ValidFrom,
                Periods = e.Periods.Select(p => new { Start = Format(p.Start), End = Format(p.End) }),
                SameDayCutoff = Format(e.SameDayCutoff),
            });

    private static OfficePeriod ParsePeriod(string text)
    {
        var (start, end) = (text.Split('-')[0], text.Split('-')[1]);
        return new OfficePeriod(ParseTime(start), ParseTime(end));
    }

    private static TimeOnly ParseTime(string text) => TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);

    private static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
