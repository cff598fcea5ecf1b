using Dapper;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Procedures;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Audit;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.IndicatorValues;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Units;

namespace Scorecard.Infrastructure.Procedures;

/// <summary>The procedure catalogue; each write is recorded in <see cref="ReferenceDataChanges"/>.</summary>
public sealed class ProcedureStore(DbConnectionFactory db, ReferenceDataChanges changes)
{
    private const string SelectSql = $"""
        SELECT code AS {nameof(ProcedureRow.Code)}, name AS {nameof(ProcedureRow.Name)}, field AS {nameof(
            ProcedureRow.Field
        )},
               level AS {nameof(ProcedureRow.Level)}, online_service AS {nameof(ProcedureRow.OnlineService)},
               integrated AS {nameof(ProcedureRow.Integrated)}, has_fee AS {nameof(ProcedureRow.HasFee)},
               person_applicant AS {nameof(ProcedureRow.PersonApplicant)},
               processing_time_value AS {nameof(ProcedureRow.ProcessingTimeValue)},
               processing_time_unit AS {nameof(ProcedureRow.ProcessingTimeUnit)},
               online_only_from AS {nameof(ProcedureRow.OnlineOnlyFrom)}, online_only_to AS {nameof(
            ProcedureRow.OnlineOnlyTo
        )},
               paper_result AS {nameof(ProcedureRow.PaperResult)}, full_online_eligible AS {nameof(
            ProcedureRow.FullOnlineEligible
        )},
               online_payment_on_portal AS {nameof(ProcedureRow.OnlinePaymentOnPortal)}
        FROM procedures
        """;

    private const string ListSql = $"{SelectSql} ORDER BY code";

    private const string ListAtLevelSql = $"{SelectSql} WHERE level = @Level ORDER BY code";

    private const string FindSql = $"{SelectSql} WHERE code = @Code";

    private const string UpdateSql = """
        UPDATE procedures SET name = @Name, field = @Field, level = @Level, online_service = @OnlineService,
               integrated = @Integrated, has_fee = @HasFee, person_applicant = @PersonApplicant,
               processing_time_value = @ProcessingTimeValue, processing_time_unit = @ProcessingTimeUnit,
               online_only_from = @OnlineOnlyFrom, online_only_to = @OnlineOnlyTo, paper_result = @PaperResult,
               full_online_eligible = @FullOnlineEligible, online_payment_on_portal = @OnlinePaymentOnPortal,
                   updated_at = @Now
        WHERE code = @Code
        """;

    private const string InsertSql = """
        INSERT INTO procedures (code, name, field, level, online_service, integrated, has_fee, person_applicant,
                                processing_time_value, processing_time_unit, online_only_from, online_only_to,
                                    paper_result,
                                full_online_eligible, online_payment_on_portal, updated_at)
        VALUES (@Code, @Name, @Field, @Level, @OnlineService, @Integrated, @HasFee, @PersonApplicant,
                @ProcessingTimeValue, @ProcessingTimeUnit, @OnlineOnlyFrom, @OnlineOnlyTo, @PaperResult,
                @FullOnlineEligible, @OnlinePaymentOnPortal, @Now)
        """;

    public async Task<IReadOnlyList<Procedure>> ListAsync(UnitLevel? level, CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        var sql = level is null ? ListSql : ListAtLevelSql;
        var rows = await connection
            .QueryAsync<ProcedureRow>(
                new CommandDefinition(
                    sql,
                    new { Level = level is null ? null : WireName.Of(level.Value) },
                    cancellationToken: ct
                )
            )
            .ConfigureAwait(false);
        return [.. rows.Select(ToProcedure)];
    }

    public async Task<Procedure?> FindAsync(string code, CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        var row = await connection
            .QuerySingleOrDefaultAsync<ProcedureRow>(
                new CommandDefinition(FindSql, new { Code = code }, cancellationToken: ct)
            )
            .ConfigureAwait(false);
        return row is null ? null : ToProcedure(row);
    }

    /// <summary>Upserts by code in one transaction; answers how many were created and updated.</summary>
    public async Task<UpsertOutcome> UpsertAsync(
        IReadOnlyList<Procedure> procedures,
        AuditStamp stamp,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(stamp);
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var stored = (
            await connection
                .QueryAsync<ProcedureRow>(
                    new CommandDefinition(SelectSql, transaction: transaction, cancellationToken: ct)
                )
                .ConfigureAwait(false)
        ).ToDictionary(r => r.Code, ToProcedure, StringComparer.Ordinal);
        var rows = procedures
            .Select(p => new
            {
                p.Code,
                p.Name,
                p.Field,
                Level = WireName.Of(p.Level),
                OnlineService = WireName.Of(p.OnlineService),
                p.Integrated,
                p.HasFee,
                p.PersonApplicant,
                ProcessingTimeValue = p.ProcessingTime?.Value,
                ProcessingTimeUnit = p.ProcessingTime is { } time ? WireName.Of(time.Unit) : null,
                p.OnlineOnlyFrom,
                p.OnlineOnlyTo,
                p.PaperResult,
                p.FullOnlineEligible,
                p.OnlinePaymentOnPortal,
                Now = stamp.At,
            })
            .ToList();
        var (inserted, updated) = await KeyedUpsert
            .WriteAsync(connection, transaction, rows, r => stored.ContainsKey(r.Code), UpdateSql, InsertSql, ct)
            .ConfigureAwait(false);
        await AuditTrail
            .RecordAsync(
                connection,
                transaction,
                stamp,
                procedures.Select(p => new AuditChange(
                    AuditEntities.Procedure,
                    p.Code,
                    null,
                    stored.GetValueOrDefault(p.Code),
                    p
                )),
                ct
            )
            .ConfigureAwait(false);
        await StaleMarks.MarkAllAsync(connection, transaction, db.Dialect, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        changes.Record();
        return new UpsertOutcome(inserted, updated, []);
    }

    private static Procedure ToProcedure(ProcedureRow r) =>
        new(
            r.Code,
            r.Name,
            r.Field,
            WireName.Parse<UnitLevel>(r.Level),
            WireName.Parse<OnlineService>(r.OnlineService),
            r.Integrated,
            r.HasFee,
            r.PersonApplicant,
            r.ProcessingTimeValue is { } value && r.ProcessingTimeUnit is { } unit
                ? new ProcessingTime(value, WireName.Parse<ProcessingTimeUnit>(unit))
                : null,
            r.OnlineOnlyFrom,
            r.OnlineOnlyTo
        )
        {
            PaperResult = r.PaperResult,
            FullOnlineEligible = r.FullOnlineEligible,
            OnlinePaymentOnPortal = r.OnlinePaymentOnPortal,
        };
}
