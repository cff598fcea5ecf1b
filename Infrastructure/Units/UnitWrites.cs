using System.Data.Common;
using Dapper;
using Scorecard.Domain.Units;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Facts;

namespace Scorecard.Infrastructure.Units;

/// <summary>The statements of one unit upsert, run inside the caller's transaction.</summary>
internal sealed class UnitWrites(
    DbConnection connection,
    DbTransaction transaction,
    DateTimeOffset now,
    CancellationToken ct
)
{
    private const string UpdateSql = """
        UPDATE units SET name = @Name, level = @Level, kind = @Kind, parent_code = @ParentCode,
               valid_from = @ValidFrom, valid_to = @ValidTo, updated_at = @Now
        WHERE code = @Code
        """;

    private const string InsertSql = """
        INSERT INTO units (code, name, level, kind, parent_code, valid_from, valid_to, updated_at)
        VALUES (@Code, @Name, @Level, @Kind, @ParentCode, @ValidFrom, @ValidTo, @Now)
        """;

    private const string DeleteSuccessorsSql = "DELETE FROM unit_successors WHERE unit_code = @Code";
    private const string InsertSuccessorSql =
        "INSERT INTO unit_successors (unit_code, successor_code, is_primary) "
        + "VALUES (@Code, @SuccessorCode, @IsPrimary)";
    private const string DeleteExternalIdsSql = "DELETE FROM unit_external_ids WHERE unit_code = @Code";
    private const string InsertExternalIdSql =
        "INSERT INTO unit_external_ids (unit_code, system, external_id) VALUES (@Code, @System, @ExternalId)";
    private const string DeleteClosureSql = "DELETE FROM unit_closure";

    private const string InsertClosureSql = """
        INSERT INTO unit_closure (ancestor_id, descendant_id, depth)
        SELECT a.id, d.id, @Depth FROM units a INNER JOIN units d ON d.code = @Descendant
        WHERE a.code = @Ancestor
        """;

    public async Task SaveAsync(Unit unit, bool exists)
    {
        var row = new
        {
            unit.Code,
            unit.Name,
            Level = WireName.Of(unit.Level),
            Kind = WireName.Of(unit.Kind),
            unit.ParentCode,
            unit.ValidFrom,
            unit.ValidTo,
            Now = now,
        };
        await ExecuteAsync(exists ? UpdateSql : InsertSql, row).ConfigureAwait(false);
        await ExecuteAsync(DeleteSuccessorsSql, new { unit.Code }).ConfigureAwait(false);
        await ExecuteAsync(
                InsertSuccessorSql,
                unit.SuccessorCodes.Distinct(StringComparer.Ordinal)
                    .Select(s => new
                    {
                        unit.Code,
                        SuccessorCode = s,
                        IsPrimary = s == unit.GivenPrimarySuccessor(),
                    })
            )
            .ConfigureAwait(false);
        await ExecuteAsync(DeleteExternalIdsSql, new { unit.Code }).ConfigureAwait(false);
        await ExecuteAsync(
                InsertExternalIdSql,
                unit.ExternalIds.Select(e => new
                {
                    unit.Code,
                    System = e.Key,
                    ExternalId = e.Value,
                })
            )
            .ConfigureAwait(false);
    }

    /// <param name="reach">Also make procedure_reach anew (a unit moved or changed level).</param>
    public async Task RebuildClosureAsync(UnitTree tree, bool reach)
    {
        await ExecuteAsync(DeleteClosureSql, null).ConfigureAwait(false);
        await ExecuteAsync(
                InsertClosureSql,
                tree.Closure()
                    .Select(p => new
                    {
                        p.Ancestor,
                        p.Descendant,
                        p.Depth,
                    })
            )
            .ConfigureAwait(false);
        if (reach)
        {
            await ExecuteAsync(ProcedureUseColumns.RebuildReachSql, null).ConfigureAwait(false);
        }
    }

    private Task<int> ExecuteAsync(string sql, object? parameters) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: ct));
}
