namespace Preau.Imap.Protocol.Commands;

/// <summary><c>ENABLE</c> turns on extensions that change the server's behaviour (RFC 5161, RFC 9051 §6.3.1).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Capabilities">The capabilities asked for, upper case, e.g. <c>CONDSTORE</c>, <c>QRESYNC</c>, <c>UTF8=ACCEPT</c>, <c>IMAP4REV2</c>.</param>
/// <remarks>
/// <code>
/// enable     = "ENABLE" 1*(SP capability)
/// capability = ("AUTH=" auth-type) / atom
/// </code>
/// Unknown capabilities are not an error: the server enables what it knows and says so in <c>* ENABLED</c>.
/// </remarks>
public sealed record EnableCommand(string Tag, IReadOnlyList<string> Capabilities) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => "ENABLE";

    internal static EnableCommand Parse(ArgumentReader args)
    {
        var capabilities = new List<string> { args.Keyword("capability") };
        while (!args.AtEnd)
        {
            capabilities.Add(args.Keyword("capability"));
        }

        return new EnableCommand(args.Tag, capabilities);
    }
}
