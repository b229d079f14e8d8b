using System.Globalization;
using System.Text;

namespace Preau.Imap.Protocol.Writing;

/// <summary>French response text for clients that have not enabled UTF-8: readable ASCII rather than "?".</summary>
internal static class AsciiText
{
    /// <summary>The text with accents dropped (canonical decomposition, combining marks removed) and a few
    /// signs replaced; what is left outside ASCII becomes "?".</summary>
    public static string Spell(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAscii(c))
            {
                result.Append(c);
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            result.Append(c switch
            {
                'œ' => "oe",
                'Œ' => "OE",
                'æ' => "ae",
                'Æ' => "AE",
                '«' or '»' or '“' or '”' => "\"",
                '’' or '‘' => "'",
                '…' => "...",
                '\u00A0' or '\u202F' => " ",
                '–' or '—' => "-",
                '§' => "section ",
                _ => "?",
            });
        }

        return result.ToString();
    }
}
