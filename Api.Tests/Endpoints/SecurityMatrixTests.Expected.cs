using System.Net;
using System.Text.Json;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>What each kind of key gets from each route of <see cref="SecurityMatrix"/>.</summary>
public sealed partial class SecurityMatrixTests
{
    /// <summary>
    /// README "Security": the status a key gets, for a key limited to P.A what it sees,
    /// and what the error message must contain, if anything particular.
    /// </summary>
    private static (HttpStatusCode Status, ScopedRead? Scoped, string? Names) Expected(
        MatrixRoute cell,
        KeyKind kind
    ) =>
        (cell.Access, kind) switch
        {
            (Access.Open, _) => (HttpStatusCode.OK, null, null),
            (_, KeyKind.PublicVisitor) => cell.Public
                ? (HttpStatusCode.OK, null, null)
                : (HttpStatusCode.Unauthorized, null, null),
            (_, KeyKind.None or KeyKind.Wrong or KeyKind.Revoked) => (HttpStatusCode.Unauthorized, null, null),
            (_, KeyKind.Admin) => (cell.Success, null, null),
            (Access.Read, KeyKind.Analyst) => (HttpStatusCode.OK, null, null),
            (Access.Read, KeyKind.OtherSubtreeIntegrator or KeyKind.OtherSubtreeAdmin) => cell.Scoped switch
            {
                ScopedRead.Forbidden => (HttpStatusCode.Forbidden, cell.Scoped, $"'{cell.Unit}'"),
                ScopedRead.Hidden => (HttpStatusCode.NotFound, cell.Scoped, cell.HiddenMessage),
                _ => (HttpStatusCode.OK, cell.Scoped, null),
            },
            (Access.Ingest, KeyKind.OtherSubtreeIntegrator or KeyKind.OtherSubtreeAdmin) => (
                HttpStatusCode.Forbidden,
                ScopedRead.Forbidden,
                $"'{cell.Unit}'"
            ),
            (Access.Admin, KeyKind.OtherSubtreeAdmin) => cell.ScopedAdmin switch
            {
                ScopedWrite.Allowed => (cell.Success, null, null),
                ScopedWrite.Forbidden => (HttpStatusCode.Forbidden, ScopedRead.Forbidden, $"'{cell.Unit}'"),
                _ => (HttpStatusCode.Forbidden, null, "may not change province-wide reference data"),
            },
            _ => (HttpStatusCode.Forbidden, null, null),
        };

    private static void AssertScope(MatrixRoute cell, KeyKind kind, ScopedRead? scoped, JsonElement json)
    {
        var provinceWide = kind is KeyKind.Admin or KeyKind.Analyst or KeyKind.PublicVisitor;
        if (cell.Scoped == ScopedRead.Rows)
        {
            var units = cell.Units!(json).ToList();
            if (scoped == ScopedRead.Rows)
            {
                Assert.That(
                    units,
                    Is.Not.Empty.And.All.Matches<string>(SubtreeOfPA.Contains),
                    "a key limited to P.A sees its rows only"
                );
            }
            else if (provinceWide)
            {
                Assert.That(
                    units,
                    Has.Some.Matches<string>(u => !SubtreeOfPA.Contains(u)),
                    "a province-wide key sees every subtree"
                );
            }
        }
        else if (cell.Scoped == ScopedRead.Count)
        {
            var count = json.GetInt64();
            Assert.That(count, scoped == ScopedRead.Count ? Is.Zero : Is.Positive);
        }
    }
}
