using Preau.Imap.Content;
using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Writing;
using Preau.Imap.Session;
using ContentAlgorithm = Preau.Imap.Content.ThreadAlgorithm;
using ProtocolAlgorithm = Preau.Imap.Protocol.Commands.ThreadAlgorithm;

namespace Preau.Imap.Handlers;

/// <summary>THREAD and UID THREAD (RFC 5256 §4–5): the SEARCH program picks the messages, their
/// top-level headers (Message-ID, References, In-Reply-To, Subject, Date) feed the content layer's
/// threader. Bodies are read only when the search program needs them.</summary>
internal static class ThreadHandler
{
    public static async Task ThreadAsync(ImapSession s, ThreadCommand c, CancellationToken cancellationToken)
    {
        // In sequence order: the RFC's tie-breaker.
        var messages = await SortHandler.MatchingAsync(
            s,
            c.Criteria,
            needsHeaders: true,
            (seq, entry, headers) => ThreadMessage.Create(c.ByUid ? entry.Uid : seq, headers!, entry.InternalDate),
            cancellationToken);

        var algorithm = c.Algorithm switch
        {
            ProtocolAlgorithm.OrderedSubject => ContentAlgorithm.OrderedSubject,
            ProtocolAlgorithm.References => ContentAlgorithm.References,
            _ => throw new ArgumentOutOfRangeException(nameof(c)),
        };

        // thread-data = "THREAD" [SP 1*thread-list]: no match is a bare "* THREAD".
        var rendered = Threader.Render(Threader.Thread(messages, algorithm));
        s.Writer.Untagged().Atom("THREAD"u8);
        if (rendered.Length > 0)
        {
            s.Writer.Atom(rendered);
        }

        s.Writer.EndLine();
        if (c.ByUid)
        {
            s.SendUpdates();
        }

        s.Writer.Status(c.Tag, ImapStatus.Ok, $"{c.Name} completed");
    }
}
