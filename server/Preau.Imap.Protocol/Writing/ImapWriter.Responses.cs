using System.Buffers;
using System.Text;
using Preau.Imap.Protocol.Syntax;

namespace Preau.Imap.Protocol.Writing;

/// <summary>Whole responses: status lines, continuation requests and the common untagged data.</summary>
/// <remarks>
/// <code>
/// response-tagged = tag SP resp-cond-state CRLF
/// resp-cond-state = ("OK" / "NO" / "BAD") SP resp-text
/// resp-cond-bye   = "BYE" SP resp-text
/// resp-text       = ["[" resp-text-code "]" SP] [text]
/// continue-req    = "+" SP (resp-text / base64) CRLF
/// </code>
/// </remarks>
public sealed partial class ImapWriter
{
    /// <summary>Writes a whole status line: <c>a1 OK [READ-WRITE] SELECT completed</c>.</summary>
    /// <param name="tag">The tag, or null for an untagged response (<c>*</c>).</param>
    /// <param name="status">OK, NO, BAD, BYE or PREAUTH.</param>
    /// <param name="text">Human-readable text; CR and LF become spaces.</param>
    /// <param name="code">An optional response code.</param>
    public void Status(string? tag, ImapStatus status, string text, ResponseCode? code = null)
    {
        if (tag is null)
        {
            Untagged();
        }
        else
        {
            Tagged(tag);
        }

        Atom(status switch
        {
            ImapStatus.Ok => "OK"u8,
            ImapStatus.No => "NO"u8,
            ImapStatus.Bad => "BAD"u8,
            ImapStatus.Bye => "BYE"u8,
            _ => "PREAUTH"u8,
        });
        if (code is not null)
        {
            Code(code);
        }

        Text(text);
        EndLine();
    }

    /// <summary>Answers a read or parse error: tagged (or untagged) BAD/NO, or <c>* BYE</c> when fatal.</summary>
    /// <param name="error">The error.</param>
    public void Error(ImapError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var status = error.Kind switch
        {
            ImapErrorKind.Fatal => ImapStatus.Bye,
            ImapErrorKind.No => ImapStatus.No,
            _ => ImapStatus.Bad,
        };
        Status(error.IsFatal ? null : error.Tag, status, error.Message, error.Code);
    }

    /// <summary>Writes a continuation request: <c>+ Ready for literal data</c>.</summary>
    /// <param name="text">Human-readable text.</param>
    public void Continuation(string text)
    {
        _output.Write("+"u8);
        _needSpace = true;
        Text(text);
        EndLine();
    }

    /// <summary>Writes a SASL challenge: <c>+ base64</c> (<c>+ </c> alone when empty).</summary>
    /// <param name="challenge">The raw challenge.</param>
    public void ContinuationBase64(ReadOnlySpan<byte> challenge)
    {
        _output.Write("+ "u8);
        var span = _output.GetSpan(((challenge.Length + 2) / 3 * 4) + 2);
        System.Buffers.Text.Base64.EncodeToUtf8(challenge, span, out _, out var written);
        _output.Advance(written);
        EndLine();
    }

    /// <summary>Writes a response code: <c>[UIDNEXT 4392]</c>.</summary>
    /// <param name="code">The code.</param>
    public ImapWriter Code(ResponseCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        Separate();
        _output.Write("["u8);
        WriteAscii(code.Name);
        if (code.Arguments is not null)
        {
            _output.Write(" "u8);
            WriteAscii(code.Arguments);
        }

        _output.Write("]"u8);
        return this;
    }

    /// <summary>Writes the human-readable text of a response: the rest of the line.</summary>
    /// <param name="text">Text; CR and LF become spaces. Unless UTF-8 is enabled (RFC 9051 §9: only then
    /// may text hold it), non-ASCII is spelled in ASCII: accents dropped ("supprimé" is "supprime"),
    /// a few French signs replaced ("œ" is "oe", "«" is '"'), anything else "?".</param>
    public ImapWriter Text(string text)
    {
        // RFC 3501 requires at least one character of text; an empty one would also confuse old clients.
        text = string.IsNullOrEmpty(text) ? "completed" : text;
        if (!Utf8Enabled && !Ascii.IsValid(text))
        {
            text = AsciiText.Spell(text);
        }

        Separate();
        var bytes = Encoding.UTF8.GetMaxByteCount(text.Length);
        var span = _output.GetSpan(bytes);
        var n = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is '\r' or '\n' or 0)
            {
                span[n++] = (byte)' ';
            }
            else if (rune.IsAscii || Utf8Enabled)
            {
                n += rune.EncodeToUtf8(span[n..]);
            }
            else
            {
                span[n++] = (byte)'?';
            }
        }

        _output.Advance(n);
        return this;
    }

    /// <summary><c>* n EXISTS</c>.</summary>
    /// <param name="count">Number of messages.</param>
    public void Exists(uint count) => Untagged().Number(count).Atom("EXISTS"u8).EndLine();

    /// <summary><c>* n RECENT</c> (IMAP4rev1 only).</summary>
    /// <param name="count">Number of recent messages.</param>
    public void Recent(uint count) => Untagged().Number(count).Atom("RECENT"u8).EndLine();

    /// <summary><c>* n EXPUNGE</c>.</summary>
    /// <param name="sequenceNumber">The expunged message's sequence number.</param>
    public void Expunge(uint sequenceNumber) => Untagged().Number(sequenceNumber).Atom("EXPUNGE"u8).EndLine();

    /// <summary><c>* VANISHED [(EARLIER)] uids</c> (QRESYNC, RFC 7162 §3.2.10).</summary>
    /// <param name="uids">The expunged UIDs, compacted.</param>
    /// <param name="earlier">True when answering a FETCH VANISHED or SELECT QRESYNC.</param>
    public void Vanished(SequenceSet uids, bool earlier)
    {
        Untagged().Atom("VANISHED"u8);
        if (earlier)
        {
            BeginList().Atom("EARLIER"u8).EndList();
        }

        Sequence(uids).EndLine();
    }

    /// <summary><c>* CAPABILITY …</c>.</summary>
    /// <param name="capabilities">The capabilities.</param>
    public void Capability(IEnumerable<string> capabilities) => Words("CAPABILITY"u8, capabilities);

    /// <summary><c>* ENABLED …</c> (RFC 5161).</summary>
    /// <param name="capabilities">What was enabled.</param>
    public void Enabled(IEnumerable<string> capabilities) => Words("ENABLED"u8, capabilities);

    /// <summary><c>* FLAGS (…)</c>.</summary>
    /// <param name="flags">The mailbox's flags.</param>
    public void Flags(IEnumerable<string> flags) => Untagged().Atom("FLAGS"u8).FlagList(flags).EndLine();

    /// <summary><c>* SEARCH n n n [(MODSEQ m)]</c>.</summary>
    /// <param name="numbers">Matching sequence numbers or UIDs.</param>
    /// <param name="highestModSeq">With CONDSTORE and a MODSEQ key: the highest mod-sequence of the matches (RFC 7162 §3.1.5).</param>
    public void Search(IEnumerable<uint> numbers, ulong? highestModSeq = null)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        Untagged().Atom("SEARCH"u8);
        foreach (var n in numbers)
        {
            Number(n);
        }

        if (highestModSeq is { } modSeq)
        {
            BeginList().Atom("MODSEQ"u8).Number(modSeq).EndList();
        }

        EndLine();
    }

    /// <summary><c>* ESEARCH (TAG "a1") [UID] [MIN n] [MAX n] [ALL set] [COUNT n] [MODSEQ m]</c> (RFC 4731, RFC 7162 §3.1.5).</summary>
    /// <param name="tag">The SEARCH command's tag.</param>
    /// <param name="byUid">True for UID SEARCH.</param>
    /// <param name="min">MIN, when asked and there are matches.</param>
    /// <param name="max">MAX, when asked and there are matches.</param>
    /// <param name="all">ALL, when asked and there are matches (compacted with <see cref="SequenceSet.FromNumbers"/>).</param>
    /// <param name="count">COUNT, when asked (0 is a valid answer).</param>
    /// <param name="highestModSeq">MODSEQ, when the search used a MODSEQ key and there are matches.</param>
    public void ESearch(string tag, bool byUid, uint? min, uint? max, SequenceSet? all, uint? count, ulong? highestModSeq = null)
    {
        Untagged().Atom("ESEARCH"u8).BeginList().Atom("TAG"u8).String(tag).EndList();
        if (byUid)
        {
            Atom("UID"u8);
        }

        if (min is { } lowest)
        {
            Atom("MIN"u8).Number(lowest);
        }

        if (max is { } highest)
        {
            Atom("MAX"u8).Number(highest);
        }

        if (all is { IsEmpty: false })
        {
            Atom("ALL"u8).Sequence(all);
        }

        if (count is { } total)
        {
            Atom("COUNT"u8).Number(total);
        }

        if (highestModSeq is { } modSeq)
        {
            Atom("MODSEQ"u8).Number(modSeq);
        }

        EndLine();
    }

    /// <summary>Starts <c>* n FETCH (</c>; write the items, then <see cref="EndFetch"/>.</summary>
    /// <param name="sequenceNumber">The message's sequence number.</param>
    public ImapWriter BeginFetch(uint sequenceNumber) => Untagged().Number(sequenceNumber).Atom("FETCH"u8).BeginList();

    /// <summary>Ends a FETCH response: <c>)</c> CRLF.</summary>
    public void EndFetch() => EndList().EndLine();

    private void Words(ReadOnlySpan<byte> keyword, IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        Untagged().Atom(keyword);
        foreach (var word in words)
        {
            Atom(word);
        }

        EndLine();
    }
}
