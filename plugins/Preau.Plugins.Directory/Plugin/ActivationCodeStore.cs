using System.Security.Cryptography;
using System.Text;
using Preau.Plugins.Directory.Planning;
using Preau.Plugins.Storage;

namespace Preau.Plugins.Directory.Plugin;

/// <summary>A stored activation code: never the code, only a salted SHA-256 of it (codes carry about
/// 59 random bits, so a fast hash with a per-account salt is enough).</summary>
/// <param name="Login">The account's login when the code was made.</param>
/// <param name="Salt">Random salt, base64.</param>
/// <param name="Hash">SHA-256 of salt and the code without dashes, base64.</param>
/// <param name="Created">When.</param>
public sealed record ActivationCodeDocument(string Login, string Salt, string Hash, DateTimeOffset Created);

/// <summary>The hashes of the activation codes of imported accounts, in the plugin's store
/// (collection <c>activation-codes</c>, by account id).</summary>
public sealed class ActivationCodeStore(IPluginStore store, TimeProvider time)
{
    private static readonly byte[] DummySalt = RandomNumberGenerator.GetBytes(16);
    private static readonly byte[] DummyHash = RandomNumberGenerator.GetBytes(32);

    private IPluginCollection<ActivationCodeDocument> Codes => store.Collection<ActivationCodeDocument>("activation-codes");

    /// <summary>Stores the hashes of the new accounts' codes in one transaction.</summary>
    public void Save(IEnumerable<NewAccount> accounts)
    {
        var now = time.GetUtcNow();
        Codes.PutMany(accounts.Select(a =>
        {
            var salt = RandomNumberGenerator.GetBytes(16);
            return new StoredDocument<ActivationCodeDocument>(a.Account.Id, new ActivationCodeDocument(
                a.Account.Login, Convert.ToBase64String(salt), Convert.ToBase64String(Hash(salt, a.ActivationCode)), now));
        }).ToList());
    }

    /// <summary>Whether <paramref name="code"/> (dashes, spaces and case ignored) is the account's code,
    /// compared in constant time. An account without a code costs the same hash (an unknown login and a
    /// wrong code take the same time).</summary>
    public bool Verify(string? accountId, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        // An unknown login reads the store too (an id no account has), so it takes as long.
        var stored = Codes.Get(accountId ?? "-");
        var salt = stored is null ? DummySalt : Convert.FromBase64String(stored.Salt);
        var expected = stored is null ? DummyHash : Convert.FromBase64String(stored.Hash);
        var matches = CryptographicOperations.FixedTimeEquals(expected, Hash(salt, code));
        return stored is not null && matches;
    }

    /// <summary>Whether the account still has an unused code.</summary>
    public bool Has(string accountId) => Codes.Get(accountId) is not null;

    /// <summary>Forgets the account's code (used, or no longer needed): a code works once.</summary>
    public bool Consume(string accountId) => Codes.Delete(accountId);

    private static byte[] Hash(byte[] salt, string code)
    {
        var normalized = Encoding.UTF8.GetBytes(code.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant());
        return SHA256.HashData([.. salt, .. normalized]);
    }
}
