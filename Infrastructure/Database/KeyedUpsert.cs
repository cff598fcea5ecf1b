using System.Data.Common;
using Dapper;

namespace Scorecard.Infrastructure.Database;

/// <summary>
/// The bulk upsert the reference-data stores share, in plain SQL both databases run: read the keys
/// stored, then update the rows whose key is among them and insert the others, in the caller's transaction.
/// </summary>
internal static class KeyedUpsert
{
    /// <summary>The keys a statement selects (its first column), inside the transaction.</summary>
    public static async Task<HashSet<TKey>> KeysAsync<TKey>(
        DbConnection connection,
        DbTransaction transaction,
        string sql,
        CancellationToken ct
    )
    {
        var keys = await connection
            .QueryAsync<TKey>(new CommandDefinition(sql, transaction: transaction, cancellationToken: ct))
            .ConfigureAwait(false);
        return [.. keys];
    }

    /// <returns>How many rows were inserted and how many updated.</returns>
    public static async Task<(int Inserted, int Updated)> WriteAsync<TRow>(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<TRow> rows,
        Func<TRow, bool> stored,
        string updateSql,
        string insertSql,
        CancellationToken ct
    )
    {
        var updates = rows.Where(stored).ToList();
        var inserts = rows.Where(r => !stored(r)).ToList();
        await connection
            .ExecuteAsync(new CommandDefinition(updateSql, updates, transaction, cancellationToken: ct))
            .ConfigureAwait(false);
        await connection
            .ExecuteAsync(new CommandDefinition(insertSql, inserts, transaction, cancellationToken: ct))
            .ConfigureAwait(false);
        return (inserts.Count, updates.Count);
    }
}
