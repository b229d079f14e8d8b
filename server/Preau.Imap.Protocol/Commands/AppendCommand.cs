using Preau.Imap.Protocol.Reading;

namespace Preau.Imap.Protocol.Commands;

/// <summary><c>APPEND</c> adds one or more messages to a mailbox (RFC 9051 §6.3.12, MULTIAPPEND RFC 3502,
/// BINARY RFC 3516, UTF8 RFC 6855 §4).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Mailbox">The target mailbox, decoded.</param>
/// <param name="Messages">The messages, in order (more than one with MULTIAPPEND, stored atomically).</param>
/// <remarks>
/// <code>
/// append          = "APPEND" SP mailbox 1*append-message           ; RFC 3502
/// append-message  = append-opts SP append-data
/// append-opts     = [SP flag-list] [SP date-time] *(SP append-ext)
/// append-data     = literal / literal8 / append-data-ext
/// append-data-ext =/ "UTF8" SP "(" literal8 ")"                     ; RFC 6855 §4
/// </code>
/// The message must be a literal (a quoted string is a BAD). Size limits were enforced by the
/// reader before the literal was read (APPENDLIMIT).
/// </remarks>
public sealed record AppendCommand(string Tag, string Mailbox, IReadOnlyList<AppendMessage> Messages) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => "APPEND";

    /// <summary>Leaves the message bytes out of logs.</summary>
    public override string ToString() => $"{Tag} APPEND {Mailbox} ({Messages.Count} message(s), {Messages.Sum(m => (long)m.Content.Length)} octets)";

    internal static AppendCommand Parse(ArgumentReader args)
    {
        var mailbox = args.Mailbox();
        var messages = new List<AppendMessage>();
        do
        {
            var flags = args.PeekIsList ? args.FlagList() : [];
            DateTimeOffset? date = args.Peek()?.Kind == ImapTokenKind.Quoted ? args.DateTime("internal date") : null;
            var data = args.Next("message literal");
            var utf8 = false;
            if (data.IsAtom("UTF8"))
            {
                var inner = args.List("UTF8 message");
                data = inner.Next("message literal8");
                inner.End();
                utf8 = true;
                if (!data.IsBinary)
                {
                    throw args.Bad("UTF8 (...) takes a literal8 (~{n})");
                }
            }

            if (data.Kind != ImapTokenKind.Literal)
            {
                throw args.Bad($"the message must be a literal, got {data}");
            }

            messages.Add(new AppendMessage(flags, date, data.Bytes, data.IsBinary, utf8));
        }
        while (!args.AtEnd);

        return new AppendCommand(args.Tag, mailbox, messages);
    }
}

/// <summary>One message of an APPEND.</summary>
/// <param name="Flags">Flags to set, system flags in canonical case.</param>
/// <param name="InternalDate">The internal date to store, or null for now.</param>
/// <param name="Content">The raw message, as sent.</param>
/// <param name="Binary">True when sent as literal8 (<c>~{n}</c>): it may contain NUL and raw 8-bit content (RFC 3516).</param>
/// <param name="Utf8">True when sent as <c>UTF8 (~{n})</c> (RFC 6855 §4): headers may be raw UTF-8.</param>
public sealed record AppendMessage(
    IReadOnlyList<string> Flags,
    DateTimeOffset? InternalDate,
    ReadOnlyMemory<byte> Content,
    bool Binary,
    bool Utf8);
