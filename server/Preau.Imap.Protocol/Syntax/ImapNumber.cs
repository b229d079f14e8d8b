namespace Preau.Imap.Protocol.Syntax;

/// <summary>The numbers of the grammar, parsed strictly (digits only, no sign, no spaces).</summary>
/// <remarks>
/// <code>
/// number    = 1*DIGIT              ; unsigned 32-bit
/// nz-number = digit-nz *DIGIT      ; non-zero unsigned 32-bit
/// number64  = 1*DIGIT              ; unsigned 63-bit (RFC 9051 §9, RFC 7162 mod-sequence-value)
/// </code>
/// </remarks>
internal static class ImapNumber
{
    /// <summary>Largest number64 / mod-sequence value: 2^63 - 1.</summary>
    public const ulong MaxNumber64 = long.MaxValue;

    public static bool TryParse(ReadOnlySpan<char> text, out uint value)
    {
        value = 0;
        if (!TryParse64(text, out var wide) || wide > uint.MaxValue)
        {
            return false;
        }

        value = (uint)wide;
        return true;
    }

    public static bool TryParseNz(ReadOnlySpan<char> text, out uint value) =>
        TryParse(text, out value) && text[0] != '0';

    public static bool TryParse64(ReadOnlySpan<char> text, out ulong value)
    {
        value = 0;
        // 19 digits hold every number64; more is an overflow even with leading zeros trimmed away.
        if (text.IsEmpty || text.Length > 19)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (uint)(c - '0');
        }

        return value <= MaxNumber64;
    }

    public static bool TryParse64(ReadOnlySpan<byte> text, out ulong value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 19)
        {
            return false;
        }

        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (uint)(b - '0');
        }

        return value <= MaxNumber64;
    }
}
