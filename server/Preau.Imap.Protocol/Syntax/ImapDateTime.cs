using System.Globalization;

namespace Preau.Imap.Protocol.Syntax;

/// <summary>IMAP dates: <c>17-Jul-1996 02:44:25 -0700</c> (INTERNALDATE, APPEND) and <c>1-Feb-1994</c> (SEARCH).</summary>
/// <remarks>
/// <code>
/// date-time      = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE
/// date-day-fixed = (SP DIGIT) / 2DIGIT
/// date-month     = "Jan" / "Feb" / "Mar" / "Apr" / "May" / "Jun" /
///                  "Jul" / "Aug" / "Sep" / "Oct" / "Nov" / "Dec"
/// date-year      = 4DIGIT
/// time           = 2DIGIT ":" 2DIGIT ":" 2DIGIT
/// zone           = ("+" / "-") 4DIGIT
/// date           = date-text / DQUOTE date-text DQUOTE
/// date-text      = date-day "-" date-month "-" date-year
/// date-day       = 1*2DIGIT
/// </code>
/// The quotes belong to the token: these methods take and give the text between them.
/// Month names are matched without regard to case (RFC 9051 §9: the grammar is case-insensitive).
/// </remarks>
public static class ImapDateTime
{
    private static readonly string[] Months =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Parses a date-time (without its quotes).</summary>
    /// <param name="text">E.g. <c>17-Jul-1996 02:44:25 -0700</c> or <c> 7-Jul-1996 02:44:25 +0000</c>.</param>
    /// <param name="value">The instant with the client's offset.</param>
    /// <returns>False when the text is malformed or names no real date.</returns>
    public static bool TryParseDateTime(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        // A one-digit day without its leading space is not date-day-fixed, but clients send it.
        if (text.Length == 25)
        {
            Span<char> padded = stackalloc char[26];
            padded[0] = ' ';
            text.CopyTo(padded[1..]);
            return TryParseDateTime(padded, out value);
        }

        if (text.Length != 26 || text[11] != ' ' || text[20] != ' ' || text[14] != ':' || text[17] != ':')
        {
            return false;
        }

        var dayText = text[..2].TrimStart(' ');
        if (!TryParseDate(dayText, text[3..6], text[7..11], text[2], text[6], out var date)
            || !TryDigits(text[12..14], out var hour) || !TryDigits(text[15..17], out var minute)
            || !TryDigits(text[18..20], out var second)
            || text[21] is not ('+' or '-') || !TryDigits(text[22..24], out var zoneHours)
            || !TryDigits(text[24..26], out var zoneMinutes))
        {
            return false;
        }

        if (hour > 23 || minute > 59 || second > 60 || zoneMinutes > 59 || zoneHours > 14)
        {
            return false;
        }

        var offset = new TimeSpan(zoneHours, zoneMinutes, 0);
        if (text[21] == '-')
        {
            offset = -offset;
        }

        if (offset.Duration() > TimeSpan.FromHours(14))
        {
            return false;
        }

        // A leap second (":60") is legal in the grammar; DateTime has none, so it folds into :59.
        value = new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, minute, Math.Min(second, 59))), offset);
        return true;
    }

    /// <summary>Parses a search date, <c>date-text</c> (without quotes).</summary>
    /// <param name="text">E.g. <c>1-Feb-1994</c> or <c>01-Feb-1994</c>.</param>
    /// <param name="value">The calendar date.</param>
    /// <returns>False when the text is malformed or names no real date.</returns>
    public static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly value)
    {
        value = default;
        var first = text.IndexOf('-');
        if (first is < 1 or > 2 || text.Length != first + 9)
        {
            return false;
        }

        return TryParseDate(text[..first], text.Slice(first + 1, 3), text.Slice(first + 5, 4), text[first], text[first + 4], out value);
    }

    /// <summary>Formats an instant as a date-time without quotes, e.g. <c>17-Jul-1996 02:44:25 -0700</c>.</summary>
    /// <param name="value">The instant; its own offset is kept.</param>
    public static string FormatDateTime(DateTimeOffset value)
    {
        Span<byte> buffer = stackalloc byte[DateTimeLength];
        TryFormatDateTime(value, buffer, out var written);
        return System.Text.Encoding.ASCII.GetString(buffer[..written]);
    }

    /// <summary>Length of a formatted date-time without quotes.</summary>
    public const int DateTimeLength = 26;

    /// <summary>Formats a date-time without quotes into ASCII bytes, without allocating.</summary>
    /// <param name="value">The instant; its own offset is kept (rounded to whole minutes).</param>
    /// <param name="destination">At least <see cref="DateTimeLength"/> bytes.</param>
    /// <param name="written">Bytes written.</param>
    /// <returns>False when <paramref name="destination"/> is too small.</returns>
    public static bool TryFormatDateTime(DateTimeOffset value, Span<byte> destination, out int written)
    {
        written = 0;
        if (destination.Length < DateTimeLength)
        {
            return false;
        }

        var d = value.DateTime;
        Two(destination, 0, d.Day);
        destination[2] = (byte)'-';
        var month = Months[d.Month - 1];
        destination[3] = (byte)month[0];
        destination[4] = (byte)month[1];
        destination[5] = (byte)month[2];
        destination[6] = (byte)'-';
        Two(destination, 7, d.Year / 100);
        Two(destination, 9, d.Year % 100);
        destination[11] = (byte)' ';
        Two(destination, 12, d.Hour);
        destination[14] = (byte)':';
        Two(destination, 15, d.Minute);
        destination[17] = (byte)':';
        Two(destination, 18, d.Second);
        destination[20] = (byte)' ';
        var offsetMinutes = (int)Math.Round(value.Offset.TotalMinutes);
        destination[21] = offsetMinutes < 0 ? (byte)'-' : (byte)'+';
        offsetMinutes = Math.Abs(offsetMinutes);
        Two(destination, 22, offsetMinutes / 60);
        Two(destination, 24, offsetMinutes % 60);
        written = DateTimeLength;
        return true;
    }

    /// <summary>Formats a search date, e.g. <c>1-Feb-1994</c>.</summary>
    /// <param name="value">The calendar date.</param>
    public static string FormatDate(DateOnly value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value.Day}-{Months[value.Month - 1]}-{value.Year:D4}");

    private static bool TryParseDate(
        ReadOnlySpan<char> day, ReadOnlySpan<char> month, ReadOnlySpan<char> year, char dash1, char dash2, out DateOnly value)
    {
        value = default;
        if (dash1 != '-' || dash2 != '-' || day.IsEmpty || !TryDigits(day, out var d) || !TryDigits(year, out var y)
            || year.Length != 4)
        {
            return false;
        }

        var m = 0;
        for (var i = 0; i < Months.Length && m == 0; i++)
        {
            m = month.Equals(Months[i], StringComparison.OrdinalIgnoreCase) ? i + 1 : 0;
        }

        if (m == 0 || y < 1 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        value = new DateOnly(y, m, d);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return !text.IsEmpty;
    }

    private static void Two(Span<byte> destination, int at, int value)
    {
        destination[at] = (byte)('0' + (value / 10));
        destination[at + 1] = (byte)('0' + (value % 10));
    }
}
