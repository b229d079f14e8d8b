namespace Preau.Imap.Protocol.Commands;

/// <summary><c>STARTTLS</c> starts TLS on a cleartext connection (RFC 9051 §6.2.1). After the tagged OK the session must drop any bytes the client pipelined and create a new reader over the TLS stream.</summary>
/// <param name="Tag">The client's tag.</param>
/// <remarks>
/// <code>
/// starttls = "STARTTLS"
/// </code>
/// No arguments: anything after the name is a BAD.
/// </remarks>
public sealed record StartTlsCommand(string Tag) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => "STARTTLS";

    internal static StartTlsCommand Parse(ArgumentReader args)
    {
        args.End();
        return new StartTlsCommand(args.Tag);
    }
}
