using Dapper;
using Scorecard.Domain.Calendar;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Audit;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Units;

namespace Scorecard.Infrastructure.Calendar;

/// <summary>
/// Holidays and make-up working days; every other day follows the Monday–Friday rule. Each write is
/// recorded in <see cref="ReferenceDataChanges"/>.
/// </summary>
public sealed class CalendarStore(DbConnectionFactory db, ReferenceDataChanges changes)
{
    private const string SelectSql = """
        SELECT date AS Date, kind AS Kind, name AS Name FROM calendar_days
        WHERE (@From IS NULL OR date >= @From) AND (@To IS NULL OR date <= @To)
        ORDER BY date
        """;

    private const string UpdateSql = "UPDATE calendar_days SET kind = @Kind, name = @Name WHERE date = @Date";
    private const string InsertSql = "INSERT INTO calendar_days (date, kind, name) VALUES (@Date, @Kind, @Name)";
    private const string DeleteSql = "DELETE FROM calendar_days WHERE date = @Date";

    public async Task<IReadOnlyList<CalendarDay>> ListAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        var rows = await connection
            .QueryAsync<(DateOnly Date, string Kind, string Name)>(
                new CommandDefinition(SelectSql, new { From = from, To = to }, cancellationToken: ct)
            )
            .ConfigureAwait(false);
        return [.. rows.Select(r => new CalendarDay(r.Date, WireName.Parse<CalendarDayKind>(r.Kind), r.Name))];
    }

    public async Task<UpsertOutcome> UpsertAsync(
        IReadOnlyList<CalendarDay> days,
        AuditStamp stamp,
        CancellationToken ct
    )
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var known = (
            await connection
                .QueryAsync<(DateOnly Date, string Kind, string Name)>(
                    new CommandDefinition(
                        SelectSql,
                        new { From = (DateOnly?)null, To = (DateOnly?)null },
                        transaction,
                        cancellationToken: ct
                    )
                )
                .ConfigureAwait(false)
        ).ToDictionary(r => r.Date, r => new CalendarDay(r.Date, WireName.Parse<CalendarDayKind>(r.Kind), r.Name));
        var rows = days.Select(d => new
            {
                d.Date,
                Kind = WireName.Of(d.Kind),
                d.Name,
            })
            .ToList();
        var (inserted, updated) = await KeyedUpsert
            .WriteAsync(connection, transaction, rows, r => known.ContainsKey(r.Date), UpdateSql, InsertSql, ct)
            .ConfigureAwait(false);
        await AuditTrail
            .RecordAsync(
                connection,
                transaction,
                stamp,
                days.Select(d => new AuditChange(
                    AuditEntities.CalendarDay,
                    DapperTypeHandlers.FormatDate(d.Date),
                    null,
                    known.GetValueOrDefault(d.Date),
                    d
                )),
                ct
            )
            .ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        changes.Record();
        return new UpsertOutcome(inserted, updated, []);
    }

    /// <summary>Removes a holiday or make-up day, returning the date to the Monday–Friday rule.</summary>
    public async Task<bool> DeleteAsync(DateOnly date, AuditStamp stamp, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var stored = await connection
            .QuerySingleOrDefaultAsync<(DateOnly Date, string Kind, string Name)?>(
                new CommandDefinition(SelectSql, new { From = date, To = date }, transaction, cancellationToken: ct)
            )
            .ConfigureAwait(false);
        if (stored is not { } row)
        {
            return false;
        }

        await connection
            .ExecuteAsync(new CommandDefinition(DeleteSql, new { Date = date }, transaction, cancellationToken: ct))
            .ConfigureAwait(false);
        var before = new CalendarDay(row.Date, WireName.Parse<CalendarDayKind>(row.Kind), row.Name);
        await AuditTrail
            .RecordAsync(
                connection,
                transaction,
                stamp,
                new AuditChange(AuditEntities.CalendarDay, DapperTypeHandlers.FormatDate(date), null, before, null),
                ct
            )
            .ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        changes.Record();
        return true;
    }
}
