namespace Preau.Imap.Protocol.Reading;

/// <summary>A synchronizing literal the client announced and is waiting to send.</summary>
/// <param name="Tag">The command's tag.</param>
/// <param name="CommandName">The command's name in upper case (e.g. <c>APPEND</c>): the session may
/// refuse an APPEND here, before any byte is sent (quota, APPENDLIMIT).</param>
/// <param name="Size">The announced number of octets, already within <see cref="ImapReaderLimits"/>.</param>
/// <param name="Binary">True for a literal8, <c>~{n}</c>.</param>
public sealed record LiteralRequest(string Tag, string CommandName, long Size, bool Binary);
