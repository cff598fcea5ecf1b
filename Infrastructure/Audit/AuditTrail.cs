using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;

namespace Scorecard.Infrastructure.Audit;

/// <summary>
/// Writes audit entries inside the transaction of the change they record, so the change and its entry
/// commit or roll back together. A store that changes something calls it once, after its writes:
/// <c>await AuditTrail.RecordAsync(connection, transaction, stamp, changes, ct);</c>. A change whose state
/// is the same before and after (a PUT repeating what is stored) is not recorded.
/// </summary>
public static class AuditTrail
{
    private const string InsertSql = """
        INSERT INTO audit_entries (at, key_id, key_name, entity, entity_key, action, unit_code, before_json, after_json)
        VALUES (@At, @KeyId, @KeyName, @Entity, @EntityKey, @Action, @UnitCode, @Before, @After)
        """;

    /// <summary>How states are written: the API's own wire names (camelCase properties, kebab-case enums).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    /// <returns>The number of entries written.</returns>
    public static async Task<int> RecordAsync(
        DbConnection connection,
        DbTransaction transaction,
        AuditStamp stamp,
        IEnumerable<AuditChange> changes,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(stamp);
        var rows = changes
            .Select(c => new
            {
                stamp.At,
                stamp.KeyId,
                stamp.KeyName,
                c.Entity,
                c.EntityKey,
                c.Action,
                c.UnitCode,
                Before = Write(c.Before),
                After = Write(c.After),
            })
            .Where(r => !string.Equals(r.Before, r.After, StringComparison.Ordinal))
            .ToList();
        if (rows.Count == 0)
        {
            return 0;
        }

        await connection
            .ExecuteAsync(new CommandDefinition(InsertSql, rows, transaction, cancellationToken: ct))
            .ConfigureAwait(false);
        return rows.Count;
    }

    /// <summary>Records one change (see <see cref="RecordAsync(DbConnection, DbTransaction, AuditStamp,
    /// IEnumerable{AuditChange}, CancellationToken)"/>).</summary>
    public static Task<int> RecordAsync(
        DbConnection connection,
        DbTransaction transaction,
        AuditStamp stamp,
        AuditChange change,
        CancellationToken ct
    ) => RecordAsync(connection, transaction, stamp, [change], ct);

    private static string? Write(object? state) => state is null ? null : JsonSerializer.Serialize(state, Json);
}
