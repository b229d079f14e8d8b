namespace Preau.Imap.Protocol.Commands;

/// <summary><c>CREATE</c> makes a mailbox, optionally with special-use attributes (RFC 9051 §6.3.4, RFC 6154 §3).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Mailbox">The new mailbox's name, decoded. A trailing hierarchy separator is kept
/// (RFC 9051: it says the client means to create children); the handler strips it.</param>
/// <param name="SpecialUse">Attributes from <c>(USE (\Sent …))</c>, e.g. <c>\Sent</c>; empty when none.</param>
/// <remarks>
/// <code>
/// create        = "CREATE" SP mailbox [create-params]
/// create-params = SP "(" create-param *(SP create-param) ")"          ; RFC 4466
/// create-param  =/ "USE" SP "(" [use-attr *(SP use-attr)] ")"         ; RFC 6154 (CREATE-SPECIAL-USE)
/// use-attr      = "\All" / "\Archive" / "\Drafts" / "\Flagged" / "\Junk" / "\Sent" / "\Trash" / use-attr-ext
/// </code>
/// Any <c>\atom</c> is accepted here; refusing an attribute (NO [USEATTR]) is the handler's call.
/// </remarks>
public sealed record CreateCommand(string Tag, string Mailbox, IReadOnlyList<string> SpecialUse) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => "CREATE";

    internal static CreateCommand Parse(ArgumentReader args)
    {
        var mailbox = args.Mailbox();
        var uses = new List<string>();
        if (!args.AtEnd)
        {
            var parameters = args.List("create parameters");
            if (parameters.AtEnd)
            {
                throw args.Bad("empty create parameter list");
            }

            while (!parameters.AtEnd)
            {
                var name = parameters.Keyword("create parameter");
                if (name != "USE")
                {
                    throw args.Bad($"unknown create parameter {name}");
                }

                var attributes = parameters.List("USE attributes");
                while (!attributes.AtEnd)
                {
                    var attribute = attributes.Atom("special-use attribute");
                    uses.Add(attribute.Length > 1 && attribute[0] == '\\'
                        ? attribute
                        : throw args.Bad($"'{attribute}' is not a special-use attribute"));
                }
            }
        }

        args.End();
        return new CreateCommand(args.Tag, mailbox, uses);
    }
}
