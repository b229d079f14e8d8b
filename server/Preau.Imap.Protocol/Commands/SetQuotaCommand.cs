namespace Preau.Imap.Protocol.Commands;

/// <summary><c>SETQUOTA</c> changes a quota root's limits (RFC 9208 §4.1.3; normally refused to users).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="QuotaRoot">The quota root's name.</param>
/// <param name="Limits">The new limits; an empty list removes them all.</param>
/// <remarks>
/// <code>
/// setquota          = "SETQUOTA" SP quota-root-name SP setquota-list
/// setquota-list     = "(" [setquota-resource *(SP setquota-resource)] ")"
/// setquota-resource = resource-name SP resource-limit
/// resource-name     = "STORAGE" / "MESSAGE" / "MAILBOX" / "ANNOTATION-STORAGE" / resource-name-ext
/// resource-limit    = number64
/// </code>
/// STORAGE counts units of 1024 octets (RFC 9208 §5.1).
/// </remarks>
public sealed record SetQuotaCommand(string Tag, string QuotaRoot, IReadOnlyList<QuotaLimit> Limits) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => "SETQUOTA";

    internal static SetQuotaCommand Parse(ArgumentReader args)
    {
        var root = args.AString("quota root");
        var list = args.List("quota limits");
        args.End();
        var limits = new List<QuotaLimit>();
        while (!list.AtEnd)
        {
            limits.Add(new QuotaLimit(list.Keyword("resource name"), list.Number64("resource limit")));
        }

        return new SetQuotaCommand(args.Tag, root, limits);
    }
}

/// <summary>One resource limit of SETQUOTA.</summary>
/// <param name="Resource">The resource, upper case: <c>STORAGE</c>, <c>MESSAGE</c>, <c>MAILBOX</c>…</param>
/// <param name="Limit">The limit (for STORAGE, in KiB).</param>
public sealed record QuotaLimit(string Resource, ulong Limit);
