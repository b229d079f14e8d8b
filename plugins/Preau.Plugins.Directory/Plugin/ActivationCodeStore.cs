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

    /// <summary>Whether <paramref name="code"/> (dashes and case ignored) is the account's code.</summary>
    public bool Verify(string accountId, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (Codes.Get(accountId) is not { } stored)
        {
            return false;
        }

        var expected = Convert.FromBase64String(stored.Hash);
        return CryptographicOperations.FixedTimeEquals(expected, Hash(Convert.FromBase64String(stored.Salt), code));
    }

    private static byte[] Hash(byte[] salt, string code)
    {
        var normalized = Encoding.ASCII.GetBytes(code.Replace("-", "", StringComparison.Ordinal).Trim().ToUpperInvariant());
        return SHA256.HashData([.. salt, .. normalized]);
    }
}
