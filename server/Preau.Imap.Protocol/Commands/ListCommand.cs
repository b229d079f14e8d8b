namespace Preau.Imap.Protocol.Commands;

/// <summary><c>LIST</c> lists mailboxes, plain or extended (RFC 9051 §6.3.9, LIST-EXTENDED RFC 5258,
/// LIST-STATUS RFC 5819, SPECIAL-USE RFC 6154).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Reference">The reference name (a prefix), decoded; often empty.</param>
/// <param name="Patterns">One or more patterns with <c>*</c> and <c>%</c> wildcards, decoded. A single
/// empty pattern in a plain LIST asks for the hierarchy delimiter.</param>
/// <param name="Selection">Selection options.</param>
/// <param name="Return">Return options.</param>
/// <param name="IsExtended">True when the client used any extended syntax: the answer then follows
/// RFC 5258 (e.g. CHILDINFO, \NonExistent).</param>
/// <remarks>
/// <code>
/// list             = "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat [SP list-return-opts]
/// list-select-opts = "(" [(*(list-select-mod-opt SP) list-select-base-opt *(SP list-select-opt))
///                    / (list-select-independent-opt *(SP list-select-independent-opt))] ")"
/// list-select-base-opt = "SUBSCRIBED" / "SPECIAL-USE"
/// list-select-mod-opt  = "RECURSIVEMATCH"
/// list-select-independent-opt = "REMOTE"
/// mbox-or-pat      = list-mailbox / patterns
/// patterns         = "(" list-mailbox *(SP list-mailbox) ")"
/// list-return-opts = "RETURN" SP "(" [return-option *(SP return-option)] ")"
/// return-option    = "SUBSCRIBED" / "CHILDREN" / "SPECIAL-USE" / "STATUS" SP "(" status-att *(SP status-att) ")"
/// </code>
/// RFC 5258 §3: an unknown option is a BAD, and RECURSIVEMATCH needs a base option.
/// </remarks>
public sealed record ListCommand(
    string Tag,
    string Reference,
    IReadOnlyList<string> Patterns,
    ListSelectionOptions Selection,
    ListReturnOptions Return,
    bool IsExtended) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => "LIST";

    internal static ListCommand Parse(ArgumentReader args)
    {
        var extended = false;
        var selection = ListSelectionOptions.None;
        if (args.PeekIsList)
        {
            extended = true;
            selection = ParseSelection(args.List("selection options"), args);
        }

        var reference = args.Mailbox("reference name");
        var patterns = new List<string>();
        if (args.PeekIsList)
        {
            extended = true;
            var list = args.List("mailbox patterns");
            do
            {
                patterns.Add(list.ListMailbox());
            }
            while (!list.AtEnd);
        }
        else
        {
            patterns.Add(args.ListMailbox());
        }

        var returns = ListReturnOptions.None;
        if (args.TryAtom("RETURN"))
        {
            extended = true;
            returns = ParseReturn(args.List("return options"), args);
        }

        args.End();
        return new ListCommand(args.Tag, reference, patterns, selection, returns, extended);
    }

    private static ListSelectionOptions ParseSelection(ArgumentReader list, ArgumentReader args)
    {
        var options = ListSelectionOptions.None;
        while (!list.AtEnd)
        {
            var name = list.Keyword("selection option");
            options |= name switch
            {
                "SUBSCRIBED" => ListSelectionOptions.Subscribed,
                "REMOTE" => ListSelectionOptions.Remote,
                "RECURSIVEMATCH" => ListSelectionOptions.RecursiveMatch,
                "SPECIAL-USE" => ListSelectionOptions.SpecialUse,
                _ => throw args.Bad($"unknown selection option {name}"),
            };
        }

        if (options.HasFlag(ListSelectionOptions.RecursiveMatch)
            && (options & (ListSelectionOptions.Subscribed | ListSelectionOptions.SpecialUse)) == 0)
        {
            throw args.Bad("RECURSIVEMATCH needs SUBSCRIBED or SPECIAL-USE (RFC 5258 §3)");
        }

        return options;
    }

    private static ListReturnOptions ParseReturn(ArgumentReader list, ArgumentReader args)
    {
        var options = ListReturnOptions.None;
        while (!list.AtEnd)
        {
            var name = list.Keyword("return option");
            options = name switch
            {
                "SUBSCRIBED" => options with { Subscribed = true },
                "CHILDREN" => options with { Children = true },
                "SPECIAL-USE" => options with { SpecialUse = true },
                "STATUS" => options with { Status = options.Status | StatusCommand.ParseItems(list.List("status items"), args) },
                _ => throw args.Bad($"unknown return option {name}"),
            };
        }

        return options;
    }
}
