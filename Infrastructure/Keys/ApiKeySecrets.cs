using System.Security.Cryptography;
using System.Text;

namespace Scorecard.Infrastructure.Keys;

/// <summary>
/// Keys look like <c>sc_{id}_{secret}</c>: the id finds the row, the secret is 256 random bits.
/// Only the SHA-256 of the whole key is stored; a fast hash is enough for secrets of that entropy
/// (there is nothing to brute-force), and comparisons are constant-time.
/// </summary>
public static class ApiKeySecrets
{
    private const string Prefix = "sc_";
    private const string IdAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private const int IdLength = 12;

    public static (string Id, string Plaintext) NewKey()
    {
        var id = RandomNumberGenerator.GetString(IdAlphabet, IdLength);
        var secret = Convert
            .ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=')
            .Replace('+', '-')
            .Replace('/', '_');
        return (id, $"{Prefix}{id}_{secret}");
    }

    /// <summary>The id inside a presented key, or null when it is not of our form.</summary>
    public static string? IdOf(string presented)
    {
        if (
            presented.Length < Prefix.Length + IdLength + 2
            || !presented.StartsWith(Prefix, StringComparison.Ordinal)
            || presented[Prefix.Length + IdLength] != '_'
        )
        {
            return null;
        }

        return presented.Substring(Prefix.Length, IdLength);
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Compares the hash of <paramref name="presented"/> with <paramref name="storedHash"/> in constant
    /// time.</summary>
    public static bool Matches(string presented, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Hash(presented)),
            Encoding.ASCII.GetBytes(storedHash)
        );
}
