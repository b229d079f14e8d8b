using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Writing;
using Preau.Imap.Session;

namespace Preau.Imap.Handlers;

/// <summary>CAPABILITY, NOOP, CHECK, LOGOUT, ID, ENABLE, NAMESPACE, STARTTLS.</summary>
internal static class ConnectionHandlers
{
    public static void Capability(ImapSession s, CapabilityCommand c)
    {
        s.Writer.Capability(s.CurrentCapabilities());
        s.Writer.Status(c.Tag, ImapStatus.Ok, "CAPABILITY completed");
    }

    public static void Noop(ImapSession s, NoopCommand c)
    {
        s.SendUpdates();
        s.Writer.Status(c.Tag, ImapStatus.Ok, "NOOP completed");
    }

    public static void Check(ImapSession s, CheckCommand c)
    {
        // Every change is durable when made: there is nothing to checkpoint.
        s.SendUpdates();
        s.Writer.Status(c.Tag, ImapStatus.Ok, "CHECK completed");
    }

    public static void Logout(ImapSession s, LogoutCommand c)
    {
        s.Writer.Status(null, ImapStatus.Bye, "Preau IMAP logging out");
        s.Writer.Status(c.Tag, ImapStatus.Ok, "LOGOUT completed");
        s.State = SessionState.Logout;
    }

    public static void Id(ImapSession s, IdCommand c)
    {
        // RFC 2971: the server says who it is; what the client said is not used.
        s.Writer.Untagged().Atom("ID").BeginList()
            .String("name").String("Préau")
            .String("vendor").String("Préau")
            .String("support-url").Nil()
            .EndList().EndLine();
        s.Writer.Status(c.Tag, ImapStatus.Ok, "ID completed");
    }

    public static void Enable(ImapSession s, EnableCommand c)
    {
        var enabled = new List<string>();
        foreach (var capability in c.Capabilities)
        {
            if (string.Equals(capability, "CONDSTORE", StringComparison.OrdinalIgnoreCase))
            {
                s.CondStore = true;
                enabled.Add("CONDSTORE");
            }
            else if (string.Equals(capability, "QRESYNC", StringComparison.OrdinalIgnoreCase))
            {
                // QRESYNC implies CONDSTORE (RFC 7162 §3.2.3).
                s.QResync = true;
                s.CondStore = true;
                enabled.Add("QRESYNC");
            }
            else if (string.Equals(capability, "UTF8=ACCEPT", StringComparison.OrdinalIgnoreCase))
            {
                // RFC 6855 §3: UTF-8 mailbox names and strings from now on, SEARCH without CHARSET.
                s.Utf8Accept = true;
                enabled.Add("UTF8=ACCEPT");
            }
            else if (string.Equals(capability, "IMAP4REV2", StringComparison.OrdinalIgnoreCase))
            {
                // RFC 9051 §6.3.1: the session follows IMAP4rev2 from now on (UTF-8 names, ESEARCH, no \Recent).
                s.Rev2 = true;
                enabled.Add("IMAP4rev2");
            }
        }

        // Names and text the server writes follow at once (the ENABLED line itself is ASCII).
        s.Writer.Utf8Enabled = s.Utf8;
        s.Writer.Enabled(enabled.Distinct(StringComparer.OrdinalIgnoreCase));
        s.Writer.Status(c.Tag, ImapStatus.Ok, "ENABLE completed");
    }

    public static void Namespace(ImapSession s, NamespaceCommand c)
    {
        // One personal namespace, no prefix, '/' separator; no shared or other users' folders.
        s.Writer.Untagged().Atom("NAMESPACE").BeginList().BeginList().String("").String("/").EndList().EndList().Nil().Nil().EndLine();
        s.Writer.Status(c.Tag, ImapStatus.Ok, "NAMESPACE completed");
    }

    public static async Task StartTlsAsync(ImapSession s, StartTlsCommand c, CancellationToken cancellationToken)
    {
        if (s.Connection.IsSecure)
        {
            s.Writer.Status(c.Tag, ImapStatus.Bad, "TLS is already active");
            return;
        }

        s.Writer.Status(c.Tag, ImapStatus.Ok, "Begin TLS negotiation now");
        await s.Connection.StartTlsAsync(s.Services.Certificate, cancellationToken);
    }
}
