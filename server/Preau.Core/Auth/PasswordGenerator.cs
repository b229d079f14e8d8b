using System.Security.Cryptography;

namespace Preau.Core.Auth;

/// <summary>Initial and reset passwords, from the operating system's CSPRNG: 12 characters from an
/// alphabet without look-alikes (no 0/O, 1/l/I), about 70 bits, easy to read out to a pupil.</summary>
public static class PasswordGenerator
{
    /// <summary>The characters used.</summary>
    public const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>Length of a generated password.</summary>
    public const int Length = 12;

    /// <summary>A new random password.</summary>
    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);
}
