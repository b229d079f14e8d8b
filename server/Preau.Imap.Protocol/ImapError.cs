using Preau.Imap.Protocol.Writing;

namespace Preau.Imap.Protocol;

/// <summary>A protocol failure with everything needed to answer it.</summary>
/// <param name="Kind">BAD or NO (the connection stays) or fatal (BYE and close).</param>
/// <param name="Tag">The command's tag, or null when it could not be read (the answer is then untagged).</param>
/// <param name="Message">Human-readable text for the response, ASCII, without CR or LF.</param>
/// <param name="Code">An optional response code, e.g. <c>[TOOBIG]</c> or <c>[BADCHARSET (US-ASCII UTF-8)]</c>.</param>
public sealed record ImapError(ImapErrorKind Kind, string? Tag, string Message, ResponseCode? Code = null)
{
    /// <summary>True when the session must send <c>* BYE</c> and close the connection.</summary>
    public bool IsFatal => Kind == ImapErrorKind.Fatal;
}
