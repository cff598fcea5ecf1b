using Dapper;
using Scorecard.Domain.Periods;
using Scorecard.Infrastructure.Audit;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.IndicatorValues;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Units;

namespace Scorecard.Infrastructure.Reports;

public sealed class ReportedValueStore(DbConnectionFactory db)
{
    private const string StoredSql =
        "SELECT numerator AS Numerator, denominator AS Denominator FROM reported_values WHERE indicator_code = "
        + "@Indicator AND unit_id = @UnitId AND period_code = @Period";

    private const string UpdateSql = """
        UPDATE reported_values SET numerator = @Numerator, denominator = @Denominator, updated_at = @Now
        WHERE indicator_code = @Indicator AND unit_id = @UnitId AND period_code = @Period
        """;

    private const string InsertSql = """
        INSERT INTO reported_values (indicator_code, unit_id, period_code, period_start, period_end, numerator,
            denominator, updated_at)
        VALUES (@Indicator, @UnitId, @Period, @Start, @End, @Numerator, @Denominator, @Now)
        """;

    private const string AllSql = """
        SELECT r.indicator_code AS Indicator, u.code AS UnitCode, r.period_code AS Period, r.numerator AS Numerator,
            r.denominator AS Denominator
        FROM reported_values r INNER JOIN units u ON u.id = r.unit_id
        """;

    private const string ForPeriodSql = AllSql + " WHERE r.period_code = @Period";

    /// <summary>Upserts by (indicator, unit, period) in one transaction; periods are stored in canonical
    /// form.</summary>
    public async Task<UpsertOutcome> UpsertAsync(
        IReadOnlyList<ReportedValue> values,
        ReferenceData reference,
        AuditStamp stamp,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(stamp);
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var created = 0;
        var audited = new List<AuditChange>(values.Count);
        foreach (var value in values)
        {
            var period = Period.Parse(value.Period);
            var row = new
            {
                value.Indicator,
                UnitId = reference.UnitId(value.UnitCode)!.Value,
                Period = period.Code,
                period.Start,
                period.End,
                value.Numerator,
                value.Denominator,
                Now = stamp.At,
            };
            var stored = await connection
                .QuerySingleOrDefaultAsync<(long Numerator, long Denominator)?>(
                    new CommandDefinition(StoredSql, row, transaction, cancellationToken: ct)
                )
                .ConfigureAwait(false);
            var exists = stored is not null;
            audited.Add(
                new AuditChange(
                    AuditEntities.IndicatorValue,
                    $"{value.Indicator}/{value.UnitCode}/{period.Code}",
                    value.UnitCode,
                    stored is { } old ? Audited(value, period, old.Numerator, old.Denominator) : null,
                    Audited(value, period, value.Numerator, value.Denominator)
                )
            );
            await connection
                .ExecuteAsync(
                    new CommandDefinition(exists ? UpdateSql : InsertSql, row, transaction, cancellationToken: ct)
                )
                .ConfigureAwait(false);
            created += exists ? 0 : 1;
        }

        await AuditTrail.RecordAsync(connection, transaction, stamp, audited, ct).ConfigureAwait(false);
        await StaleMarks.MarkAllAsync(connection, transaction, db.Dialect, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return new UpsertOutcome(created, values.Count - created, []);
    }

    /// <summary>A figure as the API writes it, its period in canonical form.</summary>
    private static object Audited(ReportedValue value, Period period, long numerator, long denominator) =>
        new
        {
            value.Indicator,
            value.UnitCode,
            Period = period.Code,
            Numerator = numerator,
            Denominator = denominator,
        };

    /// <summary>Every reported value, all periods, indicators and units.</summary>
    public async Task<IReadOnlyList<ReportedValue>> ListAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        return
        [
            .. await connection
                .QueryAsync<ReportedValue>(new CommandDefinition(AllSql, cancellationToken: ct))
                .ConfigureAwait(false),
        ];
    }

    /// <summary>Every reported value of one period (canonical code), all indicators and units.</summary>
    public async Task<IReadOnlyList<ReportedValue>> ForPeriodAsync(string periodCode, CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        return
        [
            .. await connection
                .QueryAsync<ReportedValue>(
                    new CommandDefinition(ForPeriodSql, new { Period = periodCode }, cancellationToken: ct)
                )
                .ConfigureAwait(false),
        ];
    }
}
