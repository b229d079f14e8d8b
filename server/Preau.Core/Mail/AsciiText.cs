using System.Globalization;
using System.Text;

namespace Preau.Core.Mail;

/// <summary>French text for channels that are ASCII only (delivery-status fields, IMAP response text
/// for clients that did not enable UTF-8): accents are dropped ("boîte pleine" → "boite pleine"),
/// any other non-ASCII character becomes '?', line breaks become spaces.</summary>
public static class AsciiText
{
    /// <summary>The text in ASCII.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (c is '\r' or '\n')
            {
                sb.Append(' ');
            }
            else if (c is >= ' ' and < (char)127)
            {
                sb.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append('?');
            }
        }

        return sb.ToString();
    }
}
