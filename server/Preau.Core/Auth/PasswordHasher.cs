using System.Globalization;
using System.Security.Cryptography;
using NSec.Cryptography;

namespace Preau.Core.Auth;

/// <summary>Argon2id password hashes (libsodium through NSec), stored in the PHC string format:
/// <c>$argon2id$v=19$m=19456,t=2,p=1$&lt;salt&gt;$&lt;hash&gt;</c>. Parameters are read back from
/// each hash, so raising them later leaves old hashes verifiable.</summary>
public sealed class PasswordHasher
{
    private const int SaltSize = 16;
    private const int HashSize = 32;

    /// <summary>OWASP's first Argon2id profile: 19 MiB, 2 passes, one lane.</summary>
    public static PasswordHasher Default { get; } = new(19 * 1024, 2);

    private readonly int _memoryKib;
    private readonly int _passes;

    /// <summary>Creates a hasher with these cost parameters for new hashes.</summary>
    public PasswordHasher(int memoryKib, int passes)
    {
        _memoryKib = memoryKib;
        _passes = passes;
    }

    /// <summary>Hashes a password with a fresh random salt.</summary>
    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var hash = Derive(password, salt, _memoryKib, _passes);
        return string.Create(CultureInfo.InvariantCulture, $"$argon2id$v=19$m={_memoryKib},t={_passes},p=1${Encode(salt)}${Encode(hash)}");
    }

    /// <summary>Whether <paramref name="password"/> matches <paramref name="phc"/>; false for any malformed hash.</summary>
    public static bool Verify(string password, string phc)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(phc);
        var parts = phc.Split('$');
        if (parts.Length != 6 || parts[1] != "argon2id" || parts[2] != "v=19")
        {
            return false;
        }

        int memory = 0, passes = 0;
        foreach (var p in parts[3].Split(','))
        {
            var kv = p.Split('=');
            if (kv.Length != 2 || !int.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            {
                return false;
            }

            if (kv[0] == "m")
            {
                memory = v;
            }
            else if (kv[0] == "t")
            {
                passes = v;
            }
        }

        if (memory < 8 || passes < 1 || Decode(parts[4]) is not { } salt || Decode(parts[5]) is not { Length: HashSize } expected)
        {
            return false;
        }

        var actual = Derive(password, salt, memory, passes);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static byte[] Derive(string password, byte[] salt, int memoryKib, int passes)
    {
        var algorithm = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
        {
            DegreeOfParallelism = 1,
            MemorySize = memoryKib,
            NumberOfPasses = passes,
        });
        return algorithm.DeriveBytes(password, salt, HashSize);
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static byte[]? Decode(string text)
    {
        var padded = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
