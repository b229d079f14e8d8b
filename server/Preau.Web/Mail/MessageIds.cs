using System.Globalization;

namespace Preau.Web.Mail;

/// <summary>The API's message ids: <c>&lt;folder id&gt;-&lt;uid&gt;</c>. Opaque to clients; an id names one
/// message for as long as it stays in its folder (a move gives it a new id, as IMAP gives a new UID).</summary>
internal static class MessageIds
{
    public static string Of(string mailboxId, uint uid) => string.Create(CultureInfo.InvariantCulture, $"{mailboxId}-{uid}");

    public static bool TryParse(string? id, out string mailboxId, out uint uid)
    {
        mailboxId = "";
        uid = 0;
        if (string.IsNullOrEmpty(id) || id.Length > 100)
        {
            return false;
        }

        var dash = id.LastIndexOf('-');
        if (dash <= 0 || !uint.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out uid) || uid == 0)
        {
            return false;
        }

        mailboxId = id[..dash];
        return true;
    }
}
