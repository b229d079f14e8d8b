using Preau.Plugins.Graph;

namespace Preau.Plugins.Mail;

/// <summary>Virtual list addresses that the plugin expands (<c>annonce.6a@domain</c>). The host asks
/// only about a local part that is neither a built-in list nor an account's login, so a plugin can
/// never take over a mailbox. The members then go through the sending policy one by one (the
/// sender must be allowed to write to each) and count toward the per-message recipient limit.</summary>
/// <remarks>Called on the SMTP RCPT path: answer from memory (<see cref="IGraphReader"/> is fine),
/// without I/O. An exception marks the plugin failed and the recipient gets a temporary refusal.</remarks>
public interface IRecipientList
{
    /// <summary>The members of the list, or null when this plugin does not know the address.</summary>
    RecipientListResult? Expand(RecipientListRequest request);
}

/// <summary>One list address to expand.</summary>
/// <param name="LocalPart">The local part as written (case preserved).</param>
/// <param name="Sender">The sending account, or null when the system sends.</param>
public sealed record RecipientListRequest(string LocalPart, AccountRecord? Sender);

/// <summary>A plugin's answer for a list address it knows.</summary>
/// <param name="Name">The list as shown in replies.</param>
/// <param name="MemberIds">The member account ids.</param>
/// <param name="Refusal">When set, the sender may not use the list, for this reason (French or English, shown to the sender).</param>
public sealed record RecipientListResult(string Name, IReadOnlyList<string> MemberIds, string? Refusal = null)
{
    /// <summary>The list stands for these accounts.</summary>
    public static RecipientListResult Members(string name, IReadOnlyList<string> memberIds) => new(name, memberIds);

    /// <summary>The sender may not use this list.</summary>
    public static RecipientListResult Refuse(string name, string reason) => new(name, [], reason);
}
