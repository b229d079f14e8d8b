using System.Security.Cryptography;

namespace Preau.Plugins.Directory.Planning;

/// <summary>Makes the activation codes of new accounts.</summary>
public interface IActivationCodeSource
{
    /// <summary>A new code.</summary>
    string Next();
}

/// <summary>Codes from the operating system's CSPRNG: twelve characters in three groups
/// (<c>K7QM-3WXA-9TRE</c>) from an alphabet without look-alikes (no 0/O, 1/I/L), about 59 bits.</summary>
public sealed class RandomActivationCodes : IActivationCodeSource
{
    /// <summary>The letters and digits used: nothing a parent could misread on paper.</summary>
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>Characters in a code, dashes excluded.</summary>
    public const int Length = 12;

    /// <summary>The shared instance.</summary>
    public static RandomActivationCodes Instance { get; } = new();

    /// <inheritdoc />
    public string Next()
    {
        // GetItems draws each character uniformly (no modulo bias).
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, Length);
        return string.Create(Length + 2, chars, static (span, c) =>
        {
            var j = 0;
            for (var i = 0; i < c.Length; i++)
            {
                if (i > 0 && i % 4 == 0)
                {
                    span[j++] = '-';
                }

                span[j++] = c[i];
            }
        });
    }
}
