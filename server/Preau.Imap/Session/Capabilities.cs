namespace Preau.Imap.Session;

/// <summary>What the server announces, by state: only what it implements.</summary>
internal static class Capabilities
{
    private static readonly string[] Common =
    [
        "IMAP4rev1", "IMAP4rev2", "LITERAL+", "SASL-IR", "ID", "ENABLE", "IDLE", "NAMESPACE", "UNSELECT",
        "UIDPLUS", "MOVE", "SPECIAL-USE", "CONDSTORE", "QRESYNC", "ESEARCH", "LIST-EXTENDED", "LIST-STATUS", "SORT", "THREAD=ORDEREDSUBJECT", "THREAD=REFERENCES",
        "BINARY", "UTF8=ACCEPT", "SEARCHRES",
        // RFC 9208: storage only (no MESSAGE limit is enforced, so no QUOTA=RES-MESSAGE), and no
        // QUOTASET: users do not set their own quota.
        "QUOTA", "QUOTA=RES-STORAGE",
    ];

    /// <summary>Before login: no credentials in clear text, so no AUTH before TLS (RFC 9051 §11.1).</summary>
    public static IEnumerable<string> PreAuth(bool secure, int appendLimit) => secure
        ? [.. Common, "AUTH=PLAIN", "AUTH=LOGIN", $"APPENDLIMIT={appendLimit}"]
        : [.. Common, "STARTTLS", "LOGINDISABLED", $"APPENDLIMIT={appendLimit}"];

    /// <summary>After login.</summary>
    public static IEnumerable<string> PostAuth(int appendLimit) => [.. Common, $"APPENDLIMIT={appendLimit}"];
}
