using System.Globalization;

namespace Preau.Core.Quota;

/// <summary>Sizes as administrators write them and users read them: <c>500M</c>, <c>2G</c>,
/// <c>200 Mo</c>, <c>1,5 Go</c>. Units are binary (1 K = 1024 octets), as mail clients count.</summary>
public static class ByteSize
{
    private static readonly (string[] Names, long Factor)[] Units =
    [
        (["", "B", "O", "OCTET", "OCTETS"], 1L),
        (["K", "KB", "KO", "KIB"], 1L << 10),
        (["M", "MB", "MO", "MIB"], 1L << 20),
        (["G", "GB", "GO", "GIB"], 1L << 30),
        (["T", "TB", "TO", "TIB"], 1L << 40),
    ];

    /// <summary>Reads a size: a number (decimals with '.' or ','), then an optional unit
    /// (K, M, G, T, with or without B/o/iB; none means octets). Negative or absurd values are refused.</summary>
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        var s = (text ?? "").Trim().Replace(" ", "", StringComparison.Ordinal);
        var split = 0;
        while (split < s.Length && (char.IsAsciiDigit(s[split]) || s[split] is '.' or ','))
        {
            split++;
        }

        if (split == 0
            || !decimal.TryParse(s[..split].Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var unit = s[split..].ToUpperInvariant();
        foreach (var (names, factor) in Units)
        {
            if (Array.IndexOf(names, unit) >= 0)
            {
                var value = number * factor;
                if (value > long.MaxValue / 2)
                {
                    return false;
                }

                bytes = (long)decimal.Floor(value);
                return true;
            }
        }

        return false;
    }

    /// <summary>A size in French, rounded to one decimal: <c>37 octets</c>, <c>1,5 Ko</c>, <c>200 Mo</c>, <c>1 Go</c>.</summary>
    public static string Format(long bytes)
    {
        if (bytes < 1024)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + (bytes is 0 or 1 ? " octet" : " octets");
        }

        string[] names = ["Ko", "Mo", "Go", "To"];
        var value = (double)bytes;
        var i = -1;
        while (value >= 1024 && i < names.Length - 1)
        {
            value /= 1024;
            i++;
        }

        // Truncated, not rounded: "1023,9 Mo" must not read as the limit "1 Go" it has not reached.
        var shown = Math.Floor(value * 10) / 10;
        return shown.ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',') + " " + names[i];
    }
}
