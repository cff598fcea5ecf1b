using System.Collections;
using Scorecard.Api.Auth;

namespace Scorecard.Api.Hosting;

/// <summary>
/// The log scope of one request: the id of the key that sent it (never its secret), its role and the unit it
/// is limited to. Opened before the key is known, so that whatever the request logs, its errors included,
/// carries it; filled once authentication has run.
/// </summary>
internal sealed class RequestLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private KeyValuePair<string, object?>[] items = [];

    public int Count => items.Length;

    public KeyValuePair<string, object?> this[int index] => items[index];

    /// <summary>Sets the caller's key id ("bootstrap" for the bootstrap key), role and unit scope ("province" for
    /// a province-wide key).</summary>
    public void Identify(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        items =
        [
            new("KeyId", caller.KeyId ?? "bootstrap"),
            new("Role", caller.Role),
            new("UnitScope", caller.ScopeUnit ?? "province"),
        ];
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        ((IEnumerable<KeyValuePair<string, object?>>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(" ", items.Select(i => $"{i.Key}:{i.Value}"));
}
