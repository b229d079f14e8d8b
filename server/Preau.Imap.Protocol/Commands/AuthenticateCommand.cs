namespace Preau.Imap.Protocol.Commands;

/// <summary><c>AUTHENTICATE</c> starts a SASL exchange, optionally with an initial response (RFC 9051 §6.2.2, SASL-IR RFC 4959).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Mechanism">The SASL mechanism in upper case, e.g. <c>PLAIN</c> or <c>LOGIN</c>.</param>
/// <param name="InitialResponse">The decoded initial response: null when absent, empty for <c>=</c>.</param>
/// <remarks>
/// <code>
/// authenticate = "AUTHENTICATE" SP auth-type [SP initial-resp] *(CRLF base64)
/// auth-type    = atom
/// initial-resp = (base64 / "=")
/// base64       = *(4base64-char) [base64-terminal]
/// </code>
/// The later <c>*(CRLF base64)</c> lines are read by the session with
/// <see cref="Reading.ImapCommandReader.ReadLineAsync"/>; a line <c>*</c> cancels the exchange.
/// </remarks>
public sealed record AuthenticateCommand(string Tag, string Mechanism, ReadOnlyMemory<byte>? InitialResponse) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => "AUTHENTICATE";

    /// <summary>Keeps the credentials of the initial response out of logs.</summary>
    public override string ToString() => $"{Tag} AUTHENTICATE {Mechanism}" + (InitialResponse is null ? "" : " ****");

    internal static AuthenticateCommand Parse(ArgumentReader args)
    {
        var mechanism = args.Keyword("SASL mechanism");
        ReadOnlyMemory<byte>? initial = null;
        if (!args.AtEnd)
        {
            var text = args.Atom("initial response");
            initial = text == "=" ? ReadOnlyMemory<byte>.Empty : DecodeBase64(text, args);
        }

        args.End();
        return new AuthenticateCommand(args.Tag, mechanism, initial);
    }

    private static byte[] DecodeBase64(string text, ArgumentReader args)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out var written)
            ? buffer[..written]
            : throw args.Bad("initial response is not valid base64");
    }
}
