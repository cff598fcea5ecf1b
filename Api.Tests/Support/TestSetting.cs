using System.Globalization;

namespace Scorecard.Api.Tests.Support;

/// <summary>A size or seed a test reads from the environment for a longer or another run; the fallback when unset or
/// not a positive number.</summary>
internal static class TestSetting
{
    public static int Positive(string name, int fallback) =>
        int.TryParse(
            Environment.GetEnvironmentVariable(name),
            NumberStyles.None,
            CultureInfo.InvariantCulture,
            out var value
        )
        && value > 0
            ? value
            : fallback;
}
