using System.Globalization;
using System.Text;
using Preau.Core.Policy;
using SmtpServer.Protocol;

namespace Preau.Smtp.Adapters;

/// <summary>Turns Core decisions into SMTP replies.</summary>
internal static class Replies
{
    public static SmtpResponse ToResponse(this PolicyDecision decision) =>
        new((SmtpReplyCode)decision.Code, $"{decision.Enhanced} {Ascii(decision.Text)}");

    /// <summary>A refusal, thrown from a mailbox filter: SmtpServer answers with it and the session goes on.</summary>
    public static SmtpResponseException ToException(this PolicyDecision decision) => new(decision.ToResponse(), false);

    /// <summary>SMTP replies are ASCII (RFC 5321 §4.2): accents are dropped ("Élève" → "Eleve"),
    /// other characters become '?', so no name can break the reply line.</summary>
    public static string Ascii(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (c is >= ' ' and < (char)127)
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
