namespace Scorecard.Domain.Sync;

/// <summary>What each status code of one source system means; <see cref="Default"/> when the source stored
/// none.</summary>
public sealed record StatusMapping(IReadOnlyDictionary<string, SyncStatus> Codes)
{
    public const int MaxCodes = 100;

    /// <summary>
    /// The national portal's list [1 mới đăng ký … 10 đã trả kết quả], as one-stop-shop systems send it to
    /// the portal.
    /// </summary>
    public static StatusMapping Default { get; } =
        new(
            new Dictionary<string, SyncStatus>(StringComparer.Ordinal)
            {
                ["1"] = SyncStatus.Submitted,
                ["2"] = SyncStatus.Received,
                ["3"] = SyncStatus.Refused,
                ["4"] = SyncStatus.Processing,
                ["5"] = SyncStatus.AwaitingSupplement,
                ["6"] = SyncStatus.AwaitingPayment,
                ["7"] = SyncStatus.Withdrawn,
                ["8"] = SyncStatus.Stopped,
                ["9"] = SyncStatus.Resolved,
                ["10"] = SyncStatus.Returned,
            }
        );

    public SyncStatus? Meaning(string code) => Codes.TryGetValue(code, out var status) ? status : null;
}
