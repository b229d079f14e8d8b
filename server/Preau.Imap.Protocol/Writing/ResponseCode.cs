using System.Globalization;
using Preau.Imap.Protocol.Syntax;

namespace Preau.Imap.Protocol.Writing;

/// <summary>A response code, the bracketed part of a status response: <c>[UIDVALIDITY 3857529045]</c>.</summary>
/// <param name="Name">The code's atom, e.g. <c>UIDVALIDITY</c>.</param>
/// <param name="Arguments">Its arguments already in wire form, or null.</param>
/// <remarks>
/// <code>
/// resp-text-code = "ALERT" / "BADCHARSET" [SP "(" charset *(SP charset) ")"] / capability-data /
///                  "PARSE" / "PERMANENTFLAGS" SP "(" [flag-perm *(SP flag-perm)] ")" / "READ-ONLY" /
///                  "READ-WRITE" / "TRYCREATE" / "UIDNEXT" SP nz-number / "UIDVALIDITY" SP nz-number /
///                  "UNSEEN" SP nz-number / resp-code-apnd / resp-code-copy / "UIDNOTSTICKY" /
///                  "CLOSED" / "HIGHESTMODSEQ" SP mod-sequence-value / "NOMODSEQ" /
///                  "MODIFIED" SP sequence-set / atom [SP 1*&lt;any TEXT-CHAR except "]"&gt;]
/// resp-code-apnd = "APPENDUID" SP nz-number SP append-uid        ; RFC 4315
/// resp-code-copy = "COPYUID" SP nz-number SP uid-set SP uid-set  ; RFC 4315
/// </code>
/// Codes from RFC 3501, 4315 (UIDPLUS), 5530 (response codes), 7162 (CONDSTORE/QRESYNC),
/// 4469/7889 (TOOBIG), 9208 (QUOTA), 6154 (USEATTR), 5182 (NOTSAVED).
/// </remarks>
public sealed record ResponseCode(string Name, string? Arguments = null)
{
    /// <summary><c>[ALERT]</c>: the text must be shown to the user.</summary>
    public static ResponseCode Alert { get; } = new("ALERT");

    /// <summary><c>[PARSE]</c>: a message could not be parsed.</summary>
    public static ResponseCode Parse { get; } = new("PARSE");

    /// <summary><c>[READ-ONLY]</c>.</summary>
    public static ResponseCode ReadOnly { get; } = new("READ-ONLY");

    /// <summary><c>[READ-WRITE]</c>.</summary>
    public static ResponseCode ReadWrite { get; } = new("READ-WRITE");

    /// <summary><c>[TRYCREATE]</c>: the target mailbox does not exist but could be created.</summary>
    public static ResponseCode TryCreate { get; } = new("TRYCREATE");

    /// <summary><c>[NONEXISTENT]</c> (RFC 5530).</summary>
    public static ResponseCode NonExistent { get; } = new("NONEXISTENT");

    /// <summary><c>[ALREADYEXISTS]</c> (RFC 5530).</summary>
    public static ResponseCode AlreadyExists { get; } = new("ALREADYEXISTS");

    /// <summary><c>[LIMIT]</c>: an implementation limit (RFC 5530).</summary>
    public static ResponseCode Limit { get; } = new("LIMIT");

    /// <summary><c>[OVERQUOTA]</c> (RFC 5530, RFC 9208).</summary>
    public static ResponseCode OverQuota { get; } = new("OVERQUOTA");

    /// <summary><c>[TOOBIG]</c>: a literal or message is too large (RFC 4469, RFC 7889).</summary>
    public static ResponseCode TooBig { get; } = new("TOOBIG");

    /// <summary><c>[CLOSED]</c>: the previous mailbox was closed by SELECT/EXAMINE (RFC 7162 §3.2.11).</summary>
    public static ResponseCode Closed { get; } = new("CLOSED");

    /// <summary><c>[NOMODSEQ]</c>: the mailbox has no mod-sequences (RFC 7162).</summary>
    public static ResponseCode NoModSeq { get; } = new("NOMODSEQ");

    /// <summary><c>[UIDNOTSTICKY]</c> (RFC 4315).</summary>
    public static ResponseCode UidNotSticky { get; } = new("UIDNOTSTICKY");

    /// <summary><c>[CANNOT]</c> (RFC 5530).</summary>
    public static ResponseCode Cannot { get; } = new("CANNOT");

    /// <summary><c>[INUSE]</c> (RFC 5530).</summary>
    public static ResponseCode InUse { get; } = new("INUSE");

    /// <summary><c>[SERVERBUG]</c> (RFC 5530).</summary>
    public static ResponseCode ServerBug { get; } = new("SERVERBUG");

    /// <summary><c>[CLIENTBUG]</c> (RFC 5530).</summary>
    public static ResponseCode ClientBug { get; } = new("CLIENTBUG");

    /// <summary><c>[NOPERM]</c> (RFC 5530).</summary>
    public static ResponseCode NoPerm { get; } = new("NOPERM");

    /// <summary><c>[EXPUNGEISSUED]</c> (RFC 5530).</summary>
    public static ResponseCode ExpungeIssued { get; } = new("EXPUNGEISSUED");

    /// <summary><c>[UNAVAILABLE]</c> (RFC 5530).</summary>
    public static ResponseCode Unavailable { get; } = new("UNAVAILABLE");

    /// <summary><c>[AUTHENTICATIONFAILED]</c> (RFC 5530).</summary>
    public static ResponseCode AuthenticationFailed { get; } = new("AUTHENTICATIONFAILED");

    /// <summary><c>[AUTHORIZATIONFAILED]</c> (RFC 5530).</summary>
    public static ResponseCode AuthorizationFailed { get; } = new("AUTHORIZATIONFAILED");

    /// <summary><c>[EXPIRED]</c> (RFC 5530).</summary>
    public static ResponseCode Expired { get; } = new("EXPIRED");

    /// <summary><c>[PRIVACYREQUIRED]</c>: e.g. LOGIN before STARTTLS (RFC 5530).</summary>
    public static ResponseCode PrivacyRequired { get; } = new("PRIVACYREQUIRED");

    /// <summary><c>[CONTACTADMIN]</c> (RFC 5530).</summary>
    public static ResponseCode ContactAdmin { get; } = new("CONTACTADMIN");

    /// <summary><c>[CORRUPTION]</c> (RFC 5530).</summary>
    public static ResponseCode Corruption { get; } = new("CORRUPTION");

    /// <summary><c>[UNKNOWN-CTE]</c>: BINARY cannot decode the part (RFC 3516).</summary>
    public static ResponseCode UnknownCte { get; } = new("UNKNOWN-CTE");

    /// <summary><c>[USEATTR]</c>: a special-use attribute is refused (RFC 6154).</summary>
    public static ResponseCode UseAttr { get; } = new("USEATTR");

    /// <summary><c>[HASCHILDREN]</c>: the mailbox has children (RFC 9051).</summary>
    public static ResponseCode HasChildren { get; } = new("HASCHILDREN");

    /// <summary><c>[NOTSAVED]</c>: the search result could not be saved (RFC 5182).</summary>
    public static ResponseCode NotSaved { get; } = new("NOTSAVED");

    /// <summary><c>[UIDVALIDITY n]</c>.</summary>
    /// <param name="uidValidity">The mailbox's UIDVALIDITY.</param>
    public static ResponseCode UidValidity(uint uidValidity) => new("UIDVALIDITY", Number(uidValidity));

    /// <summary><c>[UIDNEXT n]</c>.</summary>
    /// <param name="uidNext">The next UID.</param>
    public static ResponseCode UidNext(uint uidNext) => new("UIDNEXT", Number(uidNext));

    /// <summary><c>[UNSEEN n]</c>: the first unseen message (IMAP4rev1 only).</summary>
    /// <param name="sequenceNumber">Its sequence number.</param>
    public static ResponseCode Unseen(uint sequenceNumber) => new("UNSEEN", Number(sequenceNumber));

    /// <summary><c>[HIGHESTMODSEQ n]</c> (RFC 7162).</summary>
    /// <param name="modSeq">The mailbox's highest mod-sequence.</param>
    public static ResponseCode HighestModSeq(ulong modSeq) => new("HIGHESTMODSEQ", modSeq.ToString(CultureInfo.InvariantCulture));

    /// <summary><c>[APPENDUID uidvalidity uid]</c> (RFC 4315).</summary>
    /// <param name="uidValidity">The target mailbox's UIDVALIDITY.</param>
    /// <param name="uid">The new message's UID.</param>
    public static ResponseCode AppendUid(uint uidValidity, uint uid) => new("APPENDUID", Number(uidValidity) + " " + Number(uid));

    /// <summary><c>[APPENDUID uidvalidity uid-set]</c>, for MULTIAPPEND (RFC 4315 §3).</summary>
    /// <param name="uidValidity">The target mailbox's UIDVALIDITY.</param>
    /// <param name="uids">The new messages' UIDs, in the order of the APPEND.</param>
    public static ResponseCode AppendUid(uint uidValidity, SequenceSet uids) => new("APPENDUID", Number(uidValidity) + " " + uids);

    /// <summary><c>[COPYUID uidvalidity source-uids destination-uids]</c> (RFC 4315), also sent by MOVE (RFC 6851).</summary>
    /// <param name="uidValidity">The target mailbox's UIDVALIDITY.</param>
    /// <param name="source">Source UIDs; the n-th pairs with the n-th destination UID.</param>
    /// <param name="destination">Destination UIDs.</param>
    public static ResponseCode CopyUid(uint uidValidity, SequenceSet source, SequenceSet destination) =>
        new("COPYUID", Number(uidValidity) + " " + source + " " + destination);

    /// <summary><c>[MODIFIED set]</c>: messages a conditional STORE left alone (RFC 7162 §3.1.3).</summary>
    /// <param name="set">Sequence numbers (STORE) or UIDs (UID STORE).</param>
    public static ResponseCode Modified(SequenceSet set) => new("MODIFIED", set?.ToString());

    /// <summary><c>[PERMANENTFLAGS (...)]</c>.</summary>
    /// <param name="flags">The flags, <c>\*</c> included when keywords can be created.</param>
    public static ResponseCode PermanentFlags(IEnumerable<string> flags) => new("PERMANENTFLAGS", "(" + string.Join(' ', flags) + ")");

    /// <summary><c>[CAPABILITY ...]</c>.</summary>
    /// <param name="capabilities">The capabilities, <c>IMAP4rev1</c> first.</param>
    public static ResponseCode Capability(IEnumerable<string> capabilities) => new("CAPABILITY", string.Join(' ', capabilities));

    /// <summary><c>[BADCHARSET (...)]</c>: the SEARCH charset is not supported.</summary>
    /// <param name="supported">The charsets that are.</param>
    public static ResponseCode BadCharset(IEnumerable<string> supported) => new("BADCHARSET", "(" + string.Join(' ', supported) + ")");

    /// <summary>The code as written between the brackets.</summary>
    public override string ToString() => Arguments is null ? Name : Name + " " + Arguments;

    private static string Number(uint n) => n.ToString(CultureInfo.InvariantCulture);
}
