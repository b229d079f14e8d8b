namespace Preau.Imap.Protocol.Commands;

/// <summary><c>ID</c> exchanges client and server identification (RFC 2971).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Parameters">The client's field/value pairs, in order; null for <c>ID NIL</c>.
/// A value may be null (NIL).</param>
/// <remarks>
/// <code>
/// id              = "ID" SP id-params-list
/// id-params-list  = "(" *(string SP nstring) ")" / nil
/// </code>
/// RFC 2971 §3.3 caps what a client may send: fields of 30 octets, values of 1024, 30 pairs;
/// more is a BAD. Fields are matched case-insensitively by the handler.
/// </remarks>
public sealed record IdCommand(string Tag, IReadOnlyList<KeyValuePair<string, string?>>? Parameters) : ImapCommand(Tag)
{
    private const int MaxPairs = 30;
    private const int MaxField = 30;
    private const int MaxValue = 1024;

    /// <inheritdoc />
    public override string Name => "ID";

    internal static IdCommand Parse(ArgumentReader args)
    {
        if (args.TryAtom("NIL"))
        {
            args.End();
            return new IdCommand(args.Tag, null);
        }

        var list = args.List("ID parameter list");
        args.End();
        var pairs = new List<KeyValuePair<string, string?>>();
        while (!list.AtEnd)
        {
            var field = list.StringToken("ID field");
            var value = list.NString("ID value");
            if (field.Bytes.Length > MaxField || value?.Length > MaxValue || pairs.Count == MaxPairs)
            {
                throw args.Bad($"RFC 2971 limits ID to {MaxPairs} pairs, {MaxField}-octet fields and {MaxValue}-octet values");
            }

            pairs.Add(new KeyValuePair<string, string?>(field.Text, value));
        }

        return new IdCommand(args.Tag, pairs);
    }
}
